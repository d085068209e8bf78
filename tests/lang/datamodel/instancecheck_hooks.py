class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", cls.__name__, type(inst).__name__)
        return isinstance(inst, int)
    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return sub is bool

class IntLike(metaclass=Meta): pass
print(isinstance(3, IntLike), isinstance("s", IntLike))
print(issubclass(bool, IntLike), issubclass(str, IntLike))
# exact type match short-circuits __instancecheck__
print(isinstance(IntLike(), IntLike))
# tuple of classes
print(isinstance(3, (str, IntLike)))
print(issubclass(bool, (str, IntLike)))

# non-bool return is converted with truth
class M2(type):
    def __instancecheck__(cls, inst): return [1]
    def __subclasscheck__(cls, sub): return 0
class X(metaclass=M2): pass
print(isinstance(1, X), issubclass(int, X))

# errors in hooks propagate
class M3(type):
    def __instancecheck__(cls, inst): raise ValueError("inst")
class Y(metaclass=M3): pass
try:
    isinstance(1, Y)
except ValueError as e:
    print(type(e).__name__, e)

# __instancecheck__ on the class itself (not metaclass) is ignored for instances
class Z:
    def __instancecheck__(self, inst): return True
print(isinstance(1, Z))
# ... but used when the second arg is an instance
print(isinstance(1, Z()))
try:
    isinstance(1, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(int, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance(1, (int, 5))
    print("ok short circuit")
    isinstance("s", (int, 5))
except TypeError as e:
    print(type(e).__name__, e)

# __class__ lying objects in isinstance
class Proxy:
    @property
    def __class__(self): return int
print(isinstance(Proxy(), int), isinstance(Proxy(), Proxy), type(Proxy()).__name__)

# __bases__ protocol for issubclass with non-classes
class FakeClass:
    def __init__(self, bases): self.__bases__ = bases
base = FakeClass(())
derived = FakeClass((base,))
print(issubclass(derived, base), issubclass(base, derived))

# nested tuples
print(isinstance(1, (str, (bytes, (int,)))))
print(isinstance(1, int | str), issubclass(bool, int | None))
