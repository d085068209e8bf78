class A:
    __slots__ = ("a", "__dict__")
class B(A):
    __slots__ = ("b",)
b = B()
b.a = 1; b.b = 2; b.c = 3
print(b.a, b.b, b.c, vars(b))
print(sorted(k for k in B.__dict__ if k[:2] != "__"), "__dict__" in B.__dict__, "__dict__" in A.__dict__)
# slot shadows same name slot in base
class C:
    __slots__ = ("x",)
class D(C):
    __slots__ = ("x",)
d = D()
d.x = 5
print(d.x, C.x.__get__(d) if False else "", D.x is C.x)
# slots and class attribute default via descriptor
class E:
    __slots__ = ("v",)
    def __init__(self, v=None):
        if v is not None: self.v = v
print(hasattr(E(), "v"), E(3).v)
# __slots__ with a non-identifier-like but valid unicode name
class F:
    __slots__ = ("ñ",)
f = F(); f.ñ = 1; print(f.ñ)
# slots in multiple inheritance with empty slots
class G:
    __slots__ = ()
class H:
    __slots__ = ("h",)
class I(G, H):
    __slots__ = ()
i = I(); i.h = 1; print(i.h)
try:
    i.z = 1
except AttributeError as e: print(e)
# __slots__ iterated once (generator)
class J:
    __slots__ = (n for n in ["p", "q"])
j = J(); j.p = 1; print(j.p, type(J.__slots__).__name__)
# __weakref__ duplicate
try:
    class K:
        __slots__ = ("__weakref__", "__weakref__")
except TypeError as e: print(e)
class L:
    __slots__ = ("__weakref__",)
try:
    class M(L):
        __slots__ = ("__weakref__",)
except TypeError as e: print(e)
# __dict__ in slots when base has dict
class N: pass
try:
    class O(N):
        __slots__ = ("__dict__",)
except TypeError as e: print(e)
# slot name __qualname__ / __classcell__ conflicts
try:
    class P:
        __slots__ = ("__qualname__",)
except (ValueError, TypeError) as e: print(type(e).__name__, e)
# slots with dict value ordering
class Q:
    __slots__ = {"z": "zd", "a": "ad"}
print(list(Q.__slots__), Q.z.__doc__)
# object.__sizeof__ differences not compared; __basicsize__ grows with slots
class R: __slots__ = ()
class S: __slots__ = ("a", "b")
print(S.__basicsize__ - R.__basicsize__)
# __qualname__ / __classcell__ as slot names
class P:
    __slots__ = ("__qualname__",)
print(P.__qualname__, type(P.__dict__["__qualname__"]).__name__)
class P2:
    __slots__ = ("__classcell__",)
    def f(self): return __class__
print(type(P2.__dict__["__classcell__"]).__name__, P2().f() is P2)
P4 = type("P4", (), {"__slots__": ("__qualname__",), "__qualname__": "x"})
print(P4.__qualname__)
