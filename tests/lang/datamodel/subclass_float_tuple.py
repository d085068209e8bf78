class Money(float):
    def __new__(cls, v, cur="USD"):
        o = super().__new__(cls, v)
        o.cur = cur
        return o
    def __repr__(self):
        return f"{float(self):.2f} {self.cur}"
m = Money(3.5, "EUR")
print(repr(m), m.cur, m + 1, type(m + 1).__name__, m * 2, round(m), int(m), float(m), type(float(m)).__name__)
print(m == 3.5, hash(m) == hash(3.5), m.is_integer(), Money(2.0).is_integer(), -m, type(-m).__name__)
print(f"{m:.1f}", str(m), m > 3)

class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
    @property
    def y(self): return self[1]
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(1, 2)
print(p, p.x, p.y, len(p), p[0], p + (3,), type(p + (3,)).__name__, p[:1], type(p[:1]).__name__)
print(p == (1, 2), hash(p) == hash((1, 2)), list(p), tuple(p), type(tuple(p)).__name__, p * 2)
x, y = p
print(x, y, sorted(Point(2, 1)), isinstance(p, tuple))

class Slotted(tuple):
    __slots__ = ()
s = Slotted([1, 2])
try:
    s.q = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(s, type(s).__name__)

class Named(tuple):
    pass
n = Named((1, 2))
n.label = "lbl"
print(n.label, n, repr(n))

# tuple subclass with __getitem__ override: unpacking uses iteration
class Weird(tuple):
    def __getitem__(self, i):
        return "overridden"
w = Weird((1, 2))
a, b = w
print(w[0], a, b, list(w))

# float subclass in arithmetic with int
class F(float):
    def __add__(self, o):
        return "F.__add__"
    def __radd__(self, o):
        return "F.__radd__"
print(F(1) + 1, 1 + F(1), 1.0 + F(1), sum([F(1)], 0))
