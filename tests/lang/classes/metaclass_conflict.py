class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class C(A, B): pass
except TypeError as e:
    print(type(e).__name__, e)

class M3(M1, M2): pass
class D(A, B, metaclass=M3): pass
print(type(D).__name__)

# derived metaclass wins automatically
class E(A):
    pass
print(type(E).__name__)

class M1Sub(M1): pass
class F(metaclass=M1Sub): pass
class G(A, F): pass
print(type(G).__name__)

# explicit metaclass is base of bases' metaclass: winner is the derived one
class H(F, metaclass=M1): pass
print(type(H).__name__)

# metaclass that is a plain function
def func_meta(name, bases, ns, **kw):
    ns["made_by"] = "func"
    ns["kw"] = kw
    return type(name, bases, ns)
class I(metaclass=func_meta, k=1):
    pass
print(I.made_by, I.kw, type(I).__name__)

# type() with conflicting metaclass
try:
    type("X", (A, B), {})
except TypeError as e:
    print(type(e).__name__, e)

# non-type metaclass error
try:
    class J(metaclass=3): pass
except TypeError as e:
    print(type(e).__name__, e)
