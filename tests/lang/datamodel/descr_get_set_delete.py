class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        delattr(obj, self.name)

class Point:
    x = Typed(int)
    y = Typed(int)
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(p.x, p.y, sorted(vars(p).items()))
try:
    p.x = "a"
except TypeError as e:
    print(e)
del p.x
print(p.x, sorted(vars(p)))
print(type(Point.x).__name__)

# calling __get__ directly
print(Point.__dict__["y"].__get__(p, Point))

# descriptor returning bound methods manually
class Method:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, owner):
        if obj is None:
            return self.f
        return lambda *a: self.f(obj, *a)
class K:
    @Method
    def add(self, v):
        return ("add", v)
print(K().add(3), K.add(None, 4))

# function is a descriptor
def func(self, a): return (type(self).__name__, a)
class L: pass
bound = func.__get__(L(), L)
print(bound(5), type(bound).__name__, bound.__self__.__class__.__name__, bound.__func__ is func)
print(func.__get__(None, L) is func)
try:
    func.__get__(None, None)
except TypeError as e:
    print(type(e).__name__, e)

# exception in __get__ propagates (not turned into AttributeError unless AttributeError)
class Boom:
    def __get__(self, obj, owner):
        raise KeyError("k")
class M:
    b = Boom()
try:
    M().b
except KeyError as e:
    print("KeyError", e)
print(hasattr(M(), "b") if False else "skip")
try:
    hasattr(M(), "b")
except KeyError as e:
    print("hasattr propagates", e)

class AttrBoom:
    def __get__(self, obj, owner):
        raise AttributeError("from get")
class N:
    a = AttrBoom()
    def __getattr__(self, name):
        return "fallback " + name
print(N().a)
print(hasattr(N, "a"))
