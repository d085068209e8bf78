class MyInt(int):
    def __new__(cls, v, tag="t"):
        o = super().__new__(cls, v)
        o.tag = tag
        return o
    def double(self):
        return MyInt(self * 2, self.tag + "2")

m = MyInt(21, "x")
print(m, m.tag, m + 1, type(m + 1).__name__, m.double(), m.double().tag, type(m.double()).__name__)
print(m == 21, hash(m) == hash(21), isinstance(m, int), int(m), type(int(m)).__name__)
print(repr(m), str(m), f"{m:5d}", "%d" % m, m.bit_length(), m.real, type(m.real).__name__)
print(-m, type(-m).__name__, abs(MyInt(-3)), type(abs(MyInt(-3))).__name__, ~m)
print([10, 20, 30][MyInt(1)], list(range(MyInt(3))), MyInt("ff", "h") if False else MyInt(int("ff", 16)))
d = {m: "v"}
print(d[21], d[MyInt(21)])

class Counted(int):
    def __add__(self, other):
        return Counted(int(self) + int(other) + 100)
    def __repr__(self):
        return f"Counted({int(self)})"
c = Counted(1)
print(c + 1, 1 + c, sum([c, c]), c * 2, type(c * 2).__name__)

# bool-like subclass with __bool__ override
class Falsy(int):
    def __bool__(self): return False
print(bool(Falsy(5)), "yes" if Falsy(5) else "no", Falsy(5) + 0)

# comparisons override
class RevInt(int):
    def __lt__(self, o): return int(self) > int(o)
print(sorted([RevInt(1), RevInt(3), RevInt(2)]), RevInt(1) < 2, 2 > RevInt(1))

# attribute dict on int subclass
m.extra = 5
print(m.extra, sorted(vars(m)))
try:
    (5).extra = 1
except AttributeError as e:
    print(type(e).__name__, e)

# int subclass with __slots__ = ()
class Slim(int):
    __slots__ = ()
s = Slim(3)
try:
    s.x = 1
except AttributeError as e:
    print(type(e).__name__, e)

# big values
big = MyInt(2 ** 100, "big")
print(big, big.tag, big > 2 ** 99, type(big // 2).__name__)

# int() of subclass with __index__ override still returns int value
class IdxInt(int):
    def __index__(self): return 7
print(int(IdxInt(3)), bin(IdxInt(3)), [0, 1, 2, 3, 4, 5, 6, 7][IdxInt(3)], hex(IdxInt(3)))

# __init__ with extra args allowed when __new__ handles them
class WithInit(int):
    def __init__(self, v, label):
        self.label = label
try:
    w = WithInit(5, "five")
except TypeError as e:
    print(type(e).__name__, e)
class WithNewInit(int):
    def __new__(cls, v, label):
        return super().__new__(cls, v)
    def __init__(self, v, label):
        self.label = label
w = WithNewInit(5, "five")
print(w, w.label)
