class C:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        "the x property"
        return self._x
    @x.setter
    def x(self, v):
        self._x = v
    @x.deleter
    def x(self):
        print("del x")
        self._x = None

c = C()
c.x = 5
print(c.x)
del c.x
print(c.x, C.x.__doc__)
print(type(C.x).__name__, C.x.fget.__name__, C.x.fset.__name__, C.x.fdel.__name__)

class RO:
    @property
    def v(self): return 1
try:
    RO().v = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del RO().v
except AttributeError as e:
    print(type(e).__name__, e)

class WO:
    v = property(None, lambda self, val: print("set", val))
w = WO()
w.v = 3
try:
    w.v
except AttributeError as e:
    print(type(e).__name__, e)

# property created without a name (no __set_name__)
p = property()
class Late: pass
Late.q = p
try:
    Late().q
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Late().q = 1
except AttributeError as e:
    print(type(e).__name__, e)

# doc handling
def getter(self):
    "getter doc"
    return 1
print(property(getter).__doc__, property(getter, doc="explicit").__doc__, property().__doc__)
pp = property(getter)
pp2 = pp.setter(lambda s, v: None)
print(pp2.__doc__, pp2 is pp, pp2.fget is getter)
pp.__doc__ = "changed"
print(pp.__doc__)

# property keyword arguments
k = property(fget=getter, doc="kw")
print(k.__doc__, k.fset, k.fdel)

# property raising AttributeError triggers __getattr__
class G:
    @property
    def broken(self):
        raise AttributeError("inner")
    def __getattr__(self, name):
        return "getattr:" + name
print(G().broken)

# instance dict can't shadow a property
class S:
    @property
    def a(self): return "prop"
s = S()
s.__dict__["a"] = "inst"
print(s.a)

# property of property on class returns property object
print(isinstance(C.__dict__["x"], property), C.x is C.__dict__["x"])
try:
    property(1, 2, 3, 4, 5)
except TypeError as e:
    print(type(e).__name__, e)
