class A:
    def m(self): return "A.m"
    x = 1
class B(A): pass
class C(B): pass
b, c = B(), C()

def show():
    print(b.m(), c.m(), b.x, c.x, getattr(c, "y", None))
show()
for i in range(3):
    show() if i == 2 else b.m()
A.m = lambda self: "A.m2"
show()
B.m = lambda self: "B.m"
show()
A.x = 2
show()
del B.m
show()
A.y = "y"
show()
C.x = "C.x"
show()
del C.x
show()

# bases change
class Other:
    def m(self): return "Other.m"
    x = "Other.x"
class D(A): pass
d = D()
print(d.m(), d.x)
D.__bases__ = (Other,)
print(d.m(), d.x, D.__mro__ == (D, Other, object))
try:
    D.__bases__ = ()
except TypeError as e:
    print(type(e).__name__, e)
try:
    D.__bases__ = (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    A.__bases__ = (D,)
except TypeError as e:
    print(type(e).__name__, e)

# attribute caches in loops stay correct
class P:
    v = 0
objs = [P() for _ in range(3)]
out = []
for i in range(6):
    if i == 3:
        P.v = 10
    out.append(objs[i % 3].v)
print(out)

# instance attribute shadows class attribute, then removal
p = P()
p.v = "inst"
print(p.v)
del p.v
print(p.v)

# method replaced by data descriptor on class
class Q:
    def f(self): return "method"
q = Q()
print(q.f())
Q.f = property(lambda self: "property")
print(q.f)
q.__dict__["f"] = "inst"
print(q.f)
Q.f = lambda self: "method2"
print(q.f)

# setting dunder on base after subclass creation updates subclass slots
class Base: pass
class Derived(Base): pass
dd = Derived()
Base.__len__ = lambda self: 7
Base.__eq__ = lambda self, o: "eq!"
print(len(dd), dd == 1)
Base.__hash__ = lambda self: 123
print(hash(dd))
