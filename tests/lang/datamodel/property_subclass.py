class MyProp(property):
    """subclass doc"""
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return ("wrapped", super().__get__(obj, owner))

class C:
    @MyProp
    def v(self):
        "getter docstring"
        return 42

print(C().v, type(C.v).__name__, C.v.__doc__)
p2 = C.v.setter(lambda self, val: None)
print(type(p2).__name__, p2.__doc__)

class CachedProp(property):
    def __init__(self, fget, *a, **kw):
        super().__init__(fget, *a, **kw)
        self.calls = 0
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        self.calls += 1
        return super().__get__(obj, owner)

class D:
    @CachedProp
    def w(self):
        return "w"
d = D()
print(d.w, d.w, D.w.calls)

# subclass with __doc__ in instance dict
class DocProp(property):
    pass
dp = DocProp(lambda s: 1, doc="hello")
print(dp.__doc__, "__doc__" in vars(dp))
dp2 = DocProp(lambda s: 1)
print(dp2.__doc__)

# property subclass with slots: __doc__ can't be stored
class SlotProp(property):
    __slots__ = ()
try:
    sp = SlotProp(lambda s: 1, doc="x")
    print("created", sp.__doc__)
except AttributeError as e:
    print(type(e).__name__, e)

print(isinstance(C.__dict__["v"], property))
