class A:
    def m(self, x=1):
        "m doc"
        return x
    m.custom = "attr"

a = A()
bm = a.m
print(type(bm).__name__, bm.__self__ is a, bm.__func__ is A.m, bm.__name__, bm.__qualname__, bm.__doc__, bm.__module__)
print(bm.custom, bm(5), bm.__defaults__ if hasattr(bm, "__defaults__") else "")
print(a.m == a.m, a.m is a.m, a.m == A().m, hash(a.m) == hash(a.m), a.m != a.m)
print(repr(bm)[:22])
try:
    bm.custom = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    bm.new_attr = 2
except AttributeError as e:
    print(type(e).__name__, e)

# unbound function from class
print(type(A.m).__name__, A.m(a, 7))

# bound method of a builtin
lm = [].append
print(type(lm).__name__, lm.__self__, lm.__name__, lm.__qualname__)
print([].append == [].append, (lst := [1]).append == lst.append)

# bound method rebinding via __get__
f = A.__dict__["m"]
bm2 = f.__get__(a)
print(bm2(9), bm2.__self__ is a)
bm3 = bm.__get__(A())
print(bm3.__self__ is a)

# calling method with wrong args
try:
    a.m(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    A.m()
except TypeError as e:
    print(type(e).__name__, e)

# method objects can be constructed via types.MethodType
import types
mt = types.MethodType(lambda self, y: (self, y), "self-obj")
print(mt(2), type(mt) is type(bm))
try:
    types.MethodType(lambda: 0, None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    types.MethodType(1, 2)
except TypeError as e:
    print(type(e).__name__, e)

# classmethod bound repr
class B:
    @classmethod
    def c(cls): pass
print(repr(B.c)[:33], B.c.__self__ is B)
print(B.c == B.c, B().c == B.c)
