# Vector with full operator overloading
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __eq__(self, o):
        if not isinstance(o, Vec): return NotImplemented
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __add__(self, o):
        if isinstance(o, Vec): return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, o):
        if isinstance(o, Vec): return Vec(self.x - o.x, self.y - o.y)
        return NotImplemented
    def __mul__(self, k):
        if isinstance(k, (int, float)): return Vec(self.x * k, self.y * k)
        if isinstance(k, Vec): return self.x * k.x + self.y * k.y
        return NotImplemented
    def __rmul__(self, k): return self * k
    def __truediv__(self, k): return Vec(self.x / k, self.y / k)
    def __neg__(self): return Vec(-self.x, -self.y)
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __bool__(self): return bool(self.x or self.y)
    def __iter__(self): yield self.x; yield self.y
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __len__(self): return 2
    def __lt__(self, o): return abs(self) < abs(o)
    def __matmul__(self, o): return self.x * o.y - self.y * o.x
    def __format__(self, spec): return f"<{self.x:{spec}}, {self.y:{spec}}>"

a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 2, 2 * a, a * b, a / 2, -a, abs(b), bool(Vec(0, 0)), list(a), a[1], len(a))
print(a == Vec(1, 2), a != b, a < b, sorted([b, a]), max(a, b), a @ b, f"{b:.1f}", {a: 1}[Vec(1, 2)])
print(sum([a, b], Vec(0, 0)), sum([a, b]) if False else "")
try:
    a + 1
except TypeError as e: print(e)
try:
    a < 1
except TypeError as e: print(e)
try:
    "s" * a
except TypeError as e: print(e)
x, y = b
print(x, y, *a, [*a, *b], dict(zip("xy", a)))
c = a
c += b
print(c, a, c is a)
c *= 3
print(c)
try:
    a.z = 1
except AttributeError as e: print(e)

# numeric tower-ish: a Fraction-like class interacting with int and float
class Frac:
    def __init__(self, n, d=1):
        self.n, self.d = n, d
    def __repr__(self): return f"{self.n}/{self.d}"
    def _coerce(self, o):
        if isinstance(o, Frac): return o
        if isinstance(o, int): return Frac(o)
        return None
    def __add__(self, o):
        o2 = self._coerce(o)
        if o2 is None:
            if isinstance(o, float): return self.n / self.d + o
            return NotImplemented
        return Frac(self.n * o2.d + o2.n * self.d, self.d * o2.d)
    __radd__ = __add__
    def __eq__(self, o):
        o2 = self._coerce(o)
        if o2 is None: return NotImplemented
        return self.n * o2.d == o2.n * self.d
    def __lt__(self, o):
        o2 = self._coerce(o)
        if o2 is None: return NotImplemented
        return self.n * o2.d < o2.n * self.d
    def __float__(self): return self.n / self.d
    def __int__(self): return self.n // self.d
    def __hash__(self): return hash(self.n / self.d)
print(Frac(1, 2) + 1, 1 + Frac(1, 2), Frac(1, 2) + 0.5, 0.5 + Frac(1, 2), Frac(2, 4) == Frac(1, 2), Frac(2, 2) == 1, 1 == Frac(2, 2))
print(Frac(1, 3) < Frac(1, 2), 1 > Frac(1, 2), float(Frac(1, 4)), int(Frac(7, 2)), sorted([Frac(1, 2), Frac(1, 3)]))
