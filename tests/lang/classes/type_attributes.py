class A:
    "doc"
    x: int = 1
    y: str
class B(A): pass

print(A.__name__, A.__qualname__, A.__module__, A.__doc__, A.__base__, A.__bases__, B.__base__.__name__)
print(A.__annotations__, B.__annotations__ if "__annotations__" in B.__dict__ else "no own", "__annotations__" in B.__dict__)
print(A.__subclasses__() == [B], type(A.__dict__).__name__, A.__class__, type(A).__name__)
print(int.__base__, bool.__base__, object.__base__, type.__base__, bool.__bases__)
print(A.__flags__ & (1 << 9) != 0, int.__flags__ & (1 << 9) != 0, A.__dictoffset__ != 0, int.__dictoffset__)

for attr in ("__name__", "__qualname__", "__bases__", "__module__", "__doc__"):
    try:
        delattr(A, attr)
        print("deleted", attr)
    except (TypeError, AttributeError) as e:
        print(attr, type(e).__name__, e)

try:
    A.__mro__ = ()
except AttributeError as e:
    print(type(e).__name__, e)
try:
    A.__base__ = object
except AttributeError as e:
    print(type(e).__name__, e)
try:
    A.__dict__ = {}
except AttributeError as e:
    print(type(e).__name__, e)

# set __doc__ on class
class C: pass
C.__doc__ = "new doc"
print(C.__doc__)
# __module__ can be anything
C.__module__ = 5
print(C.__module__)

# annotations on a class created with type()
T = type("T", (), {})
print(T.__annotations__, "__annotations__" in T.__dict__)
T.__annotations__ = {"a": int}
print(T.__annotations__)
del T.__annotations__
print(T.__annotations__)
try:
    int.__annotations__
except AttributeError as e:
    print(type(e).__name__, e)

# __abstractmethods__
class Abstract:
    def f(self): pass
Abstract.__abstractmethods__ = frozenset({"f", "g"})
try:
    Abstract()
except TypeError as e:
    print(type(e).__name__, e)
Abstract.__abstractmethods__ = frozenset({"f"})
try:
    Abstract()
except TypeError as e:
    print(type(e).__name__, e)
Abstract.__abstractmethods__ = frozenset()
print(type(Abstract()).__name__)
try:
    type.__abstractmethods__
except AttributeError as e:
    print(type(e).__name__, e)
try:
    C.__abstractmethods__
except AttributeError as e:
    print(type(e).__name__, e)
