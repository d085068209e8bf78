class V:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"V({self.v!r})"

names = ["add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor"]
for n in names:
    setattr(V, f"__{n}__", (lambda n: lambda self, o: f"{n}({self.v},{o})")(n))
    setattr(V, f"__r{n}__", (lambda n: lambda self, o: f"r{n}({self.v},{o})")(n))
V.__divmod__ = lambda self, o: ("divmod", self.v, o)
V.__rdivmod__ = lambda self, o: ("rdivmod", self.v, o)

a = V(1)
print(a + 2, a - 2, a * 2, a @ 2, a / 2, a // 2, a % 2, a ** 2, a << 2, a >> 2, a & 2, a | 2, a ^ 2)
print(2 + a, 2 - a, 2 * a, 2 @ a, 2 / a, 2 // a, 2 % a, 2 ** a, 2 << a, 2 >> a, 2 & a, 2 | a, 2 ^ a)
print(divmod(a, 3), divmod(3, a), pow(a, 2), pow(2, a))

class NoOps: pass
ops = [
    ("+", lambda x, y: x + y), ("-", lambda x, y: x - y), ("*", lambda x, y: x * y), ("@", lambda x, y: x @ y),
    ("/", lambda x, y: x / y), ("//", lambda x, y: x // y), ("%", lambda x, y: x % y), ("**", lambda x, y: x ** y),
    ("<<", lambda x, y: x << y), (">>", lambda x, y: x >> y), ("&", lambda x, y: x & y), ("|", lambda x, y: x | y),
    ("^", lambda x, y: x ^ y), ("divmod", divmod),
]
for sym, f in ops:
    try:
        f(NoOps(), 1)
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        f(1, NoOps())
    except TypeError as e:
        print(type(e).__name__, e)

try:
    pow(NoOps(), 1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    [] + ()
except TypeError as e:
    print(type(e).__name__, e)
