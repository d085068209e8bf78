# Number protocols across types: __index__, __float__, __complex__, reflected
# operations, NotImplemented fallbacks and in-place operators.
def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
class Num:
    def __radd__(self, other): return ("radd", other)
    def __rsub__(self, other): return ("rsub", other)
    def __rmul__(self, other): return ("rmul", other)
    def __rtruediv__(self, other): return ("rtruediv", other)
    def __rpow__(self, other): return ("rpow", other)
    def __rlshift__(self, other): return ("rlshift", other)
    def __rand__(self, other): return ("rand", other)
    def __lt__(self, other): return "lt"
    def __gt__(self, other): return "gt"
    def __eq__(self, other): return "eq"

n = Num()
for v in (1, 2**70, 1.5, 2j, True):
    print(v + n, v - n, v * n, v / n, v ** n, v < n, v > n, v == n)
print(1 << n, True & n, 2**70 & n)
show(lambda: [1, 2, 3][Idx(1)])
show(lambda: "abc"[Idx(-1)])
show(lambda: bin(Idx(5)))
show(lambda: hex(Idx(255)))
show(lambda: oct(Idx(8)))
show(lambda: range(Idx(3)))
show(lambda: int(Idx(7)))
show(lambda: float(Idx(7)))
show(lambda: complex(Idx(7)))
show(lambda: pow(2, Idx(10)))
show(lambda: 2 ** Idx(3))
show(lambda: (5).__add__(Idx(1)))
show(lambda: round(2.5, Idx(0)))
show(lambda: round(1234, Idx(-2)))
show(lambda: (1).to_bytes(Idx(2), "big"))
x = 5
x += 2.5
print(x)
x //= 2
print(x)
x **= 2
print(x)
y = 2**70
y <<= 3
y >>= 70
y |= 16
y ^= 1
y &= 0xff
y %= 7
y -= 1
print(y)
z = 1 + 2j
z *= 2
z /= 1j
z **= 2
z -= 1
print(z)
b = True
b += True
print(b, type(b).__name__)
print(abs(-2**70), abs(-1.5), abs(3 + 4j), -(-2**70), +True, -True, ~2**70)
print(divmod(2**70, -3), divmod(-7, 2**65), divmod(7.5, Idx(2) if False else 2))
print(sum([1, 2.5, 3j, True]), sum([2**64, 2**64]), max(1, 1.0), max(1.0, 1), min(2**70, 1e21), sorted([True, 0.5, -1, 2**60, 1e18]))
print(f"{2**70!r} {1.5!s} {1j!r} {True!r} {-0.0} {1e100} {12345678901234567890:,}")
print(int.__add__(2, 3), float.__add__(2.0, 3), complex.__add__(1j, 1), int.__truediv__(7, 2), float.__floordiv__(7.0, 2))
show(lambda: int.__add__(2, "x"))
show(lambda: int.__add__(2.0, 3))
show(lambda: float.__add__(2, 3.0))
show(lambda: 1 + "a")
show(lambda: "a" * 2.0)
show(lambda: [0] * 2**70)
show(lambda: 3 % 0.0)
show(lambda: 3 // 0.0)
show(lambda: 2**70 / 0.0)
show(lambda: 10**400 * 1.5)
show(lambda: 1.5 ** 10**400)
show(lambda: 0.5 ** 10**400)
show(lambda: (-1.0) ** 10**400)
show(lambda: (-1.0) ** (10**400 + 1))
