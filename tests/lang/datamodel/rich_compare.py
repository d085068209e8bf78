log = []
class C:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        log.append(f"eq({self.v})")
        if isinstance(o, C): return self.v == o.v
        return NotImplemented
    def __lt__(self, o):
        log.append(f"lt({self.v})")
        if isinstance(o, C): return self.v < o.v
        return NotImplemented
    __hash__ = None

print(C(1) == C(1), C(1) != C(2), C(1) < C(2), C(2) > C(1), log); log.clear()
print(C(1) == 1, C(1) != 1, 1 == C(1), log); log.clear()
try:
    C(1) <= C(2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    C(1) < 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 > C(1)
except TypeError as e:
    print(type(e).__name__, e, log)
log.clear()

# default __ne__ inverts __eq__
class E:
    def __eq__(self, o): return "truthy-string"
print(E() != E(), E() == E())
class E2:
    def __eq__(self, o): return NotImplemented
a = E2()
print(a == a, a != a, a == E2(), a != E2())

# __ne__ defined alone
class N:
    def __ne__(self, o): return "custom ne"
n = N()
print(n != 1, n == n, n == N())

# comparisons with different types fall back to identity for == only
class X: pass
x = X()
print(x == x, x == X(), x != X())
for op in ["<", "<=", ">", ">="]:
    try:
        eval(f"x {op} X()")
    except TypeError as e:
        print(type(e).__name__, e)
try:
    1 < "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] < (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    None < None
except TypeError as e:
    print(type(e).__name__, e)

# reflected: a < b tries b > a
class G:
    def __gt__(self, o):
        return "G.__gt__ reflected"
print(1 < G(), X() < G())

# __eq__ returning non-bool used in if
class Weird:
    def __eq__(self, o): return [1]
print(Weird() == 1, bool(Weird() == 1))

# chained comparisons
class Ch:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print("lt", self.v, o.v)
        return self.v < o.v
print(Ch(1) < Ch(2) < Ch(3))
print(Ch(3) < Ch(2) < Ch(1))

# comparison in containers uses identity first then ==
class AlwaysFalse:
    def __eq__(self, o): return False
    __hash__ = object.__hash__
af = AlwaysFalse()
print(af in [af], af == af, [af] == [af], af in (1, 2))
nan = float("nan")
print(nan in [nan], [nan] == [nan], nan == nan)
