class A:
    x = "A.x"
    def f(self): return "A.f"
    @classmethod
    def cm(cls): return "A.cm " + cls.__name__
    @property
    def p(self): return "A.p"
class B(A):
    x = "B.x"
    def f(self): return "B.f"
    @property
    def p(self): return "B.p+" + super().p
class C(B):
    def f(self): return "C.f"

c = C()
print(super(C, c).f(), super(B, c).f(), super(C, c).x, super(B, c).x)
print(super(C, C).cm(), super(B, C).cm(), c.p)
print(super(C, C).f(c))

s = super(B, c)
print(s.__thisclass__ is B, s.__self__ is c, s.__self_class__ is C)
print(repr(super(B, c))[:20])
u = super(B)
print(u.__thisclass__ is B, u.__self__, u.__self_class__)
print(repr(u))
bound = u.__get__(c, C)
print(bound.f())

try:
    super(B, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    super(1, c)
except TypeError as e:
    print(type(e).__name__, e)
try:
    super(C, A())
except TypeError as e:
    print(type(e).__name__, e)
try:
    super(C, c).nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    super(A, c).f()
except AttributeError as e:
    print(type(e).__name__, e)

# super doesn't support setattr of the proxied attr
try:
    super(B, c).x = 1
except AttributeError as e:
    print(type(e).__name__, e)

# __class__ on super object
print(super(B, c).__class__ is super)

# super with a data descriptor (property) setter in base
class PA:
    def __init__(self): self._v = 0
    @property
    def v(self): return self._v
    @v.setter
    def v(self, val): self._v = val
class PB(PA):
    @property
    def v(self): return super().v * 10
    @v.setter
    def v(self, val):
        PA.v.fset(self, val + 1)
pb = PB()
pb.v = 4
print(pb.v, pb._v)

# super() through multiple inheritance: cooperative
class Root:
    def hi(self): return ["Root"]
class L(Root):
    def hi(self): return ["L"] + super().hi()
class R(Root):
    def hi(self): return ["R"] + super().hi()
class LR(L, R):
    def hi(self): return ["LR"] + super().hi()
print(LR().hi())
print(super(L, LR()).hi())
