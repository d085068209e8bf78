class A:
    cls_attr = 1
    def method(self): pass

class B(A):
    def __init__(self):
        self.inst = 2

b = B()
d = dir(b)
print([n for n in d if n[:2] != "__"], d == sorted(d))
print("__init__" in d, "__class__" in d, "__dict__" in d)
print([n for n in dir(B) if n[:2] != "__"])
print(vars(b), vars(B)["__init__"].__name__)

class Custom:
    def __dir__(self):
        return ["z", "a", "m"]
print(dir(Custom()))

class BadDir:
    def __dir__(self):
        return 5
try:
    dir(BadDir())
except TypeError as e:
    print(type(e).__name__, e)

class TupleDir:
    def __dir__(self):
        return ("b", "a")
print(dir(TupleDir()))

try:
    vars(1)
except TypeError as e:
    print(type(e).__name__, e)

class Slotted:
    __slots__ = ("a",)
try:
    vars(Slotted())
except TypeError as e:
    print(type(e).__name__, e)

print(type(vars(A)).__name__)
x = 5
print(vars()["x"])

# __dict__ assignment
class C: pass
c = C()
c.__dict__ = {"p": 1}
print(c.p)
try:
    c.__dict__ = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    del c.__dict__
    print("deleted", c.__dict__)
except TypeError as e:
    print(type(e).__name__, e)

# __dict__ mutation reflects in attributes
c.__dict__["q"] = 2
print(c.q)
c.__dict__.clear()
print(hasattr(c, "q"))

# dir on a module and on a class with metaclass
class M(type):
    def meta_m(cls): pass
class WithMeta(metaclass=M):
    pass
print("meta_m" in dir(WithMeta), "mro" in dir(WithMeta))
print("cls_attr" in dir(A), "__mro__" in dir(A))

# dir() with __class__ property returning another class
class Fake:
    @property
    def __class__(self):
        return A
print("cls_attr" in dir(Fake()))
