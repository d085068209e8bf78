class O: pass
class F(O): pass
class E(O): pass
class D(O): pass
class C(D, F): pass
class B(D, E): pass
class A(B, C): pass
print([k.__name__ for k in A.__mro__])
print([k.__name__ for k in A.mro()])

class X: pass
class Y: pass
class P(X, Y): pass
class Q(Y, X): pass
try:
    class Z(P, Q): pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class W(X, X): pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class V(object, X): pass
except TypeError as e:
    print(type(e).__name__, e)

class U(X, object): pass
print([k.__name__ for k in U.__mro__])

# custom mro via metaclass
class RevMeta(type):
    def mro(cls):
        return [cls, object]
class R(X, metaclass=RevMeta):
    pass
print([k.__name__ for k in R.__mro__], R.__bases__)

print(int.__mro__, bool.__mro__)
print(type.__mro__, object.__mro__)
