import math
def label(args):
    return tuple(a if isinstance(a, (int, float, complex, str, list, tuple, range)) else type(a).__name__ for a in args)
def show(name, *args):
    try:
        r = getattr(math, name)(*args)
        print(name, label(args), type(r).__name__, repr(r) if len(repr(r)) < 200 else len(repr(r)))
    except Exception as e:
        print(name, label(args), type(e).__name__, e)
for n in [0, 1, 2, 5, 20, 21, 100, 170, 171, -1, 5.0, 5.5, True, "x", 2**70]:
    show("factorial", n)
print(len(str(math.factorial(1000))), math.factorial(25) % 1000003)
for n in [0, 1, 2, 3, 4, 15, 16, 17, 10**20, 10**40 + 1, 2**200, -1, 2.0, True, 2**64 - 1]:
    show("isqrt", n)
for n, k in [(5, 2), (10, 0), (10, 10), (10, 11), (0, 0), (100, 50), (-1, 2), (5, -1), (5.0, 2), (2**70, 2), (60, 30),
             (1000, 500), (7, True)]:
    show("comb", n, k)
    show("perm", n, k)
show("perm", 5)
show("perm", 0)
show("perm", -5)
show("perm", 5, None)
show("comb", 5)
for args in [(), (0,), (12,), (-12,), (12, 18), (-12, 18), (0, 0), (0, 5), (12, 18, 27), (2**100, 2**80 * 3), (7, 1.5),
             (3, True), (12, 18, 0, 24)]:
    show("gcd", *args)
    show("lcm", *args)
for args in [([],), ([1, 2, 3],), ([1.5, 2],), (range(1, 11),), ([2] * 100,), ([1, 2], 10), ((),), (["a", 2],),
             ([2, "a"],), ([[1]],), ([3], "x"), (iter([2, 3, 4]),), ([1, 2.5, 3j],), ([10**20, 10**20],), ([True, 3],)]:
    show("prod", *args)
print(math.prod([2, 3], start=10), math.prod([], start="x"))
try:
    math.prod([1], 2)
except TypeError as e:
    print(type(e).__name__, e)
for args in [([],), ([0.1] * 10,), ([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50],), ([1, 2, 3],), ([1e308, 1e308],),
             ([math.inf, 1],), ([math.inf, -math.inf],), ([math.nan, 1],), ([2.0**53, 1.0, 1.0],), ([1e16, 1.0, 1e-16],),
             ([10**400],), (["x"],), (range(10),), ([-0.0],), ([-0.0, -0.0],), ([0.0, -0.0],), ([1.7976931348623157e308, 1e292],)]:
    show("fsum", *args)
print(sum([0.1] * 10), math.fsum([0.1] * 10))
for p, q in [((0, 0), (3, 4)), ((1,), (4,)), ((1.5, 2, 3), (0, 0, 0)), ((), ()), ((1, 2), (1,)), ((math.inf, 0), (0, 0)),
             ((math.nan, 0), (0, 0)), ((1e200, 1e200), (0, 0)), ([1, 2], [3, 4]), ((1, "x"), (1, 2))]:
    show("dist", p, q)
for args in [(), (3, 4), (3,), (-3,), (1, 2, 3, 4), (1e200, 1e200), (1e-200, 1e-200), (math.inf, math.nan), (math.nan, 1),
             (3, 4.0), (10**400,), (1e308, 1e308), (0, 0, 0), (2, "x")]:
    show("hypot", *args)
for x, steps in [(1.0, 2.0), (1.0, 0.0), (0.0, 1.0), (0.0, -1.0), (1.7976931348623157e308, math.inf), (5e-324, 0.0), (1.0, 1.0)]:
    show("nextafter", x, steps)
for x in [1.0, 0.0, -1.0, 1e308, 5e-324, 1.7976931348623157e308, math.inf, math.nan, 2.0**52]:
    show("ulp", x)
print(sorted(n for n in dir(math) if n[0] != "_"))
print(math.__name__, math.sqrt.__name__, type(math.sqrt).__name__)
