class Base:
    count = 0
    def __init__(self, name):
        self.name = name
        Base.count += 1
    def greet(self):
        return "hello " + self.name
    @property
    def upper(self):
        return self.name.upper() if hasattr(self.name, "upper") else self.name
    @classmethod
    def make(cls, n):
        return cls(n)
    @staticmethod
    def twice(x):
        return x * 2

class Child(Base):
    def greet(self):
        return super().greet() + "!"
    def __eq__(self, other):
        return isinstance(other, Child) and self.name == other.name
    __hash__ = None

c = Child.make("bob")
print(c.greet(), Base.count, Child.twice(21), type(c).__name__, Child.__mro__)
print(c == Child("bob"), c != Child("x"), isinstance(c, Base), issubclass(Child, Base))
try:
    hash(c)
except TypeError as e:
    print(e)

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["added"] = kw.get("flag", 0)
        return super().__new__(mcls, name, bases, ns)

class WithMeta(metaclass=Meta, flag=5):
    pass
print(WithMeta.added, type(WithMeta).__name__)

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
s = Slotted()
print(s.a)
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(s.b)
except AttributeError as e:
    print("AttributeError:", e)

class Vec:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
print(Vec(1, 2) + Vec(3, 4), 3 * Vec(1, 1), Vec(1, 2) * 2, len(Vec(0, 0)), list(Vec(5, 6)))
