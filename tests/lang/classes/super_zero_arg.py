class A:
    def f(self): return "A.f"
    @classmethod
    def c(cls): return "A.c " + cls.__name__
    @staticmethod
    def s(): return "A.s"
    def __repr__(self): return "A()"

class B(A):
    def f(self): return "B>" + super().f()
    @classmethod
    def c(cls): return "B>" + super().c()
    def g(self):
        def inner():
            return super().f()
        try:
            return inner()
        except RuntimeError as e:
            return "RuntimeError " + str(e)
    def h(self):
        try:
            return (lambda: super().f())()
        except RuntimeError as e:
            return "RuntimeError " + str(e)
    def k(self):
        # the comprehension's own first argument is its iterator
        try:
            return [super().f() for _ in range(1)]
        except TypeError as e:
            return "TypeError " + str(e)
    def gen(self):
        yield super().f()
    def s2(self):
        return super().s()

class C(B):
    def f(self): return "C>" + super().f()

print(C().f(), C.c(), B().g(), B().h(), B().k(), list(B().gen()), B().s2())

# __class__ cell
class D:
    def cls(self): return __class__
print(D().cls() is D)

# super() at module level
try:
    super()
except RuntimeError as e:
    print(type(e).__name__, e)

# super() in a function without args
def no_args():
    return super()
try:
    no_args()
except RuntimeError as e:
    print(type(e).__name__, e)

# super() in staticmethod
class E(A):
    @staticmethod
    def st():
        return super().f()
try:
    E.st()
except RuntimeError as e:
    print(type(e).__name__, e)

# first argument deleted
class F(A):
    def f(self):
        del self
        return super().f()
try:
    F().f()
except RuntimeError as e:
    print(type(e).__name__, e)

# super() in __init__ and __new__
class G:
    def __new__(cls, *a):
        obj = super().__new__(cls)
        obj.tag = "new"
        return obj
    def __init__(self, v):
        super().__init__()
        self.v = v
g = G(3)
print(g.tag, g.v)

# super() inside a method called on a subclass that doesn't override
class H(B): pass
print(H().f())

# self argument is not an instance
class I(A):
    def f(self):
        return super().f()
try:
    I.f(5)
except TypeError as e:
    print(type(e).__name__, e)
