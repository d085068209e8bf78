# super() edge cases
class A:
    def __init_subclass__(cls, **kw):
        cls.seen = kw
    def m(self): return "A.m"
    def __getattr__(self, n): return "A.getattr " + n
class B(A, x=1):
    def m(self):
        return super().m(), super().__class__.__name__
print(B().m(), B.seen)
try: super(B, B()).missing
except AttributeError as e: print(e)
# super() looks in dict only of MRO entries after the class, not metaclass
class M(type):
    def meta_only(cls): return "meta"
class C(metaclass=M): pass
class D(C):
    @classmethod
    def f(cls):
        try:
            return super().meta_only()
        except AttributeError as e:
            return str(e)
print(D.f())
# super().__setattr__ / __getattribute__
class E:
    def __setattr__(self, n, v):
        super().__setattr__(n, v * 2)
    def __getattribute__(self, n):
        return super().__getattribute__(n)
e = E(); e.x = 2
print(e.x)
# super() in a property of a slots class
class F:
    __slots__ = ("v",)
    def __init__(self): self.v = 1
class G(F):
    __slots__ = ()
    @property
    def w(self): return super().__getattribute__("v") + 1
print(G().w)
# super with __get__ of staticmethod in parent
class H:
    @staticmethod
    def s(): return "H.s"
class I(H):
    @staticmethod
    def s(): return "I.s+" + super(I, I).s()
print(I.s())
# super(type, type) for classmethod chain
class J:
    @classmethod
    def c(cls): return cls.__name__
class K(J):
    @classmethod
    def c(cls): return "K>" + super().c()
class L(K): pass
print(L.c(), super(K, L).c())
# super object attributes and descriptors
s = super(K, L())
print(s.__thisclass__.__name__, s.__self_class__.__name__, type(s.__self__).__name__)
# super() inside nested class body method
class Outer:
    class Inner(A):
        def m(self): return "Inner>" + super().m()
print(Outer.Inner().m())
# super in __init_subclass__ calling object's
class P:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
try:
    class Q(P, bad=1): pass
except TypeError as e: print(e)
# super() with a generator method
class R(A):
    def gen(self):
        yield super().m()
        yield super().m()
print(list(R().gen()))
# super with class that overrides __getattribute__ on the super's self
class T(A):
    def __getattribute__(self, n): return "hijacked"
class U(T):
    def m(self): return super().m()
print(U.m(U()))
# super(): multiple inheritance diamond
class W0:
    def f(self): return ["W0"]
class W1(W0):
    def f(self): return ["W1"] + super().f()
class W2(W0):
    def f(self): return ["W2"] + super().f()
class W3(W1, W2):
    def f(self): return ["W3"] + super().f()
print(W3().f(), super(W1, W3()).f())
