class C:
    def __call__(self, *a, **k):
        return ("called", a, sorted(k.items()))
c = C()
print(c(1, 2, x=3), callable(c), callable(C), callable(1))

class Nothing: pass
try:
    Nothing()()
except TypeError as e:
    print(type(e).__name__, e)
try:
    5()
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc"()
except TypeError as e:
    print(type(e).__name__, e)

# instance attribute __call__ ignored
n = Nothing()
n.__call__ = lambda: "inst"
print(callable(n))
try:
    n()
except TypeError as e:
    print(type(e).__name__, e)

# __call__ = None
class NoneCall:
    __call__ = None
print(callable(NoneCall()))
try:
    NoneCall()()
except TypeError as e:
    print(type(e).__name__, e)

# __call__ defined later
Nothing.__call__ = lambda self: "late"
print(Nothing()())
del Nothing.__call__
try:
    Nothing()()
except TypeError as e:
    print(type(e).__name__, e)

# __call__ as staticmethod / classmethod
class S:
    @staticmethod
    def __call__(x): return ("static", x)
class K:
    @classmethod
    def __call__(cls, x): return ("class", cls.__name__, x)
print(S()(1), K()(2))

# callable object as method doesn't bind
class Adder:
    def __call__(self, *a): return a
class Host:
    m = Adder()
print(Host().m(1))

# call with wrong arguments
class Strict:
    def __call__(self, a): return a
try:
    Strict()()
except TypeError as e:
    print(type(e).__name__, e)
try:
    Strict()(1, 2)
except TypeError as e:
    print(type(e).__name__, e)

# metaclass __call__ controls instance creation
class Meta(type):
    def __call__(cls, *a):
        return ("meta-call", cls.__name__, a)
class M(metaclass=Meta): pass
print(M(1, 2))
