class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"
    def double(self):
        return self * 2

a = MyInt(21)
print(a, repr(a), str(a), type(a).__name__, a.double(), type(a.double()).__name__)
for r in [a + 1, a - 1, a * 2, a // 2, a % 5, -a, +a, abs(a), ~a, a << 1, a >> 1, a & 3, a | 3, a ^ 3, a ** 2]:
    print(type(r).__name__, r)
print(a == 21, hash(a) == hash(21), isinstance(a, int), a.real, type(a.real).__name__, a.numerator, type(a.numerator).__name__)
print(MyInt(2**100), MyInt("ff", 16), MyInt(3.9), MyInt(), int(a), type(int(a)).__name__, f"{a:5d}", format(a))
print(type(round(a)).__name__, type(a.__index__()).__name__, type(a.__trunc__()).__name__, type(a.conjugate()).__name__)
print([10, 20, 30][MyInt(1)], range(MyInt(3)), divmod(a, 4))

class Fancy(int):
    def __add__(self, other):
        return "added"
    def __radd__(self, other):
        return "radded"
    def __lt__(self, other):
        return "lt"
f = Fancy(5)
print(f + 1, 1 + f, f < 3, 3 > f, 3 + 4)

class WithNew(int):
    def __new__(cls, v, extra):
        obj = super().__new__(cls, v)
        obj.extra = extra
        return obj
w = WithNew(7, "x")
print(w, w.extra, w + 1, vars(w))

try:
    class Slotted(int):
        __slots__ = ("tag",)
except TypeError as e:
    print(type(e).__name__, e)
class NoDict(int):
    __slots__ = ()
print(NoDict(3) * 2, hasattr(NoDict(3), "__dict__"))
try:
    class B(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(int.__new__(MyInt, 5), type(int.__new__(MyInt, 5)).__name__)
try:
    int.__new__(str, 5)
except TypeError as e:
    print(type(e).__name__, e)
