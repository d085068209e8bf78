class Data:
    def __get__(self, obj, owner):
        return ("data", obj is None, owner.__name__)
    def __set__(self, obj, value):
        print("Data.__set__", value)

class NonData:
    def __get__(self, obj, owner):
        return ("nondata", obj is None, owner.__name__)

class GetOnlyWithDelete:
    def __get__(self, obj, owner):
        return "gd"
    def __delete__(self, obj):
        print("deleting")

class C:
    d = Data()
    n = NonData()
    g = GetOnlyWithDelete()

c = C()
c.__dict__["d"] = "inst-d"
c.__dict__["n"] = "inst-n"
c.__dict__["g"] = "inst-g"
print(c.d, c.n, c.g)
print(C.d, C.n)
c.d = 5
print(c.__dict__["d"])
c.n = 6
print(c.n)
del c.g
print("g" in c.__dict__)

# descriptor without __get__ but with __set__: instance dict wins on read? No: data descr returns itself
class SetOnly:
    def __set__(self, obj, v):
        print("SetOnly.__set__", v)
class D:
    s = SetOnly()
dd = D()
print(type(dd.s).__name__)
dd.__dict__["s"] = "inst"
print(dd.s)
dd.s = 1

# descriptors on metaclass vs class
class Meta(type):
    md = Data()
    mn = NonData()
class E(metaclass=Meta):
    mn = "class-level"
print(E.md, E.mn)

# __get__ called with owner when accessed on class
class Owner:
    def __get__(self, obj, owner=None):
        return (obj, owner)
class F:
    o = Owner()
print(F.o[0], F.o[1] is F, F().o[1] is F)

# descriptors only work on classes, not instances
f = F()
f.inst_descr = Owner()
print(type(f.inst_descr).__name__)

# deleting a data descriptor without __delete__
class NoDel:
    def __get__(self, o, t): return 1
    def __set__(self, o, v): pass
class G:
    x = NoDel()
try:
    del G().x
except AttributeError as e:
    print(type(e).__name__, e)
class NoSet:
    def __get__(self, o, t): return 1
    def __delete__(self, o): pass
class H:
    x = NoSet()
try:
    H().x = 3
except AttributeError as e:
    print(type(e).__name__, e)
