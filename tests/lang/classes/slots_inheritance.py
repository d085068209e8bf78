class A:
    __slots__ = ("a",)
class B(A):
    __slots__ = ("b",)
class C(B):
    pass   # gets a __dict__

b = B()
b.a = 1; b.b = 2
print(b.a, b.b, hasattr(b, "__dict__"))
try:
    b.c = 3
except AttributeError as e:
    print(type(e).__name__, e)

c = C()
c.a = 1; c.b = 2; c.c = 3
print(c.__dict__, c.a, c.b)

class WithDict:
    __slots__ = ("x", "__dict__")
w = WithDict()
w.x = 1
w.y = 2
print(w.__dict__, w.x)

class WithWeak:
    __slots__ = ("__weakref__",)
print("__weakref__" in WithWeak.__dict__)
try:
    WithWeak().q = 1
except AttributeError as e:
    print(type(e).__name__, e)

try:
    class Dup(C):
        __slots__ = ("__dict__",)
except TypeError as e:
    print(type(e).__name__, e)

try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print(type(e).__name__, e)

try:
    class BadSlot:
        __slots__ = (1,)
except TypeError as e:
    print(type(e).__name__, e)

try:
    class BadIdent:
        __slots__ = ("not valid",)
except TypeError as e:
    print(type(e).__name__, e)

try:
    class IntSlots(int):
        __slots__ = ("x",)
except TypeError as e:
    print(type(e).__name__, e)

class IntNoSlots(int):
    __slots__ = ()
print(IntNoSlots(5) + 1, hasattr(IntNoSlots(5), "__dict__"))

# layout conflicts between two slotted bases
class S1:
    __slots__ = ("p",)
class S2:
    __slots__ = ("q",)
try:
    class S3(S1, S2): pass
except TypeError as e:
    print(type(e).__name__, e)

# private name mangling in slots
class Mangle:
    __slots__ = ("__secret",)
    def __init__(self):
        self.__secret = 9
    def get(self):
        return self.__secret
m = Mangle()
print(m.get(), "_Mangle__secret" in Mangle.__dict__)

# slot overriding class attribute in base
class Base:
    v = "class"
class Derived(Base):
    __slots__ = ("v",)
d = Derived()
try:
    d.v
except AttributeError as e:
    print(type(e).__name__, e)
d.v = "inst"
print(d.v, Base.v)
