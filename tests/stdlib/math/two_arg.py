import math
def label(args):
    return tuple(a if isinstance(a, (int, float, complex, str, list, tuple, range)) else type(a).__name__ for a in args)
def show(name, *args):
    try:
        r = getattr(math, name)(*args)
        print(name, label(args), type(r).__name__, repr(r))
    except Exception as e:
        print(name, label(args), type(e).__name__, e)
inf, nan = math.inf, math.nan
vals = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 3, 1e308, 5e-324, inf, -inf, nan]
for fn in ["atan2", "copysign", "fmod", "remainder", "pow", "hypot", "nextafter"]:
    for a in vals:
        for b in vals:
            show(fn, a, b)
for a, b in [(7, 3), (-7, 3), (7, -3), (5.5, 2), (10, 4), (3, 2), (1e300, 1e-300), (2**60, 3)]:
    show("fmod", a, b)
    show("remainder", a, b)
show("pow", 2, 10**400)
show("pow", 10.0, 400)
show("pow", -8, 1/3)
show("pow", 0.0, -2)
show("pow", -0.0, -3)
show("ldexp", 1.0, 10)
show("ldexp", 1.0, -1075)
show("ldexp", 1.0, 1024)
show("ldexp", 1.0, 10**30)
show("ldexp", 1.0, -10**30)
show("ldexp", 0.0, 10**30)
show("ldexp", inf, -10)
show("ldexp", 1.5, 2.0)
show("ldexp", 3, 2)
for x in [0.0, -0.0, 1.0, 0.75, -3.5, 1e308, 5e-324, inf, -inf, nan, 8, -(2**70)]:
    show("frexp", x)
    show("modf", x)
for x in [0.5, 1.5, -1.5, 2.7, -2.7, 1e300, inf, nan, 10**30, -5, True]:
    show("trunc", x)
    show("floor", x)
    show("ceil", x)
class Fl:
    def __floor__(self): return "floored"
    def __ceil__(self): return "ceiled"
    def __trunc__(self): return "trunced"
    def __float__(self): return 1.5
class OnlyFloat:
    def __float__(self): return 2.5
show("floor", Fl())
show("ceil", Fl())
show("trunc", Fl())
show("floor", OnlyFloat())
show("ceil", OnlyFloat())
show("trunc", OnlyFloat())
show("floor", "x")
show("trunc", "x")
for args in [(1, 1), (1, 1.0 + 1e-10), (1, 1.0 + 1e-8), (0.0, 1e-10), (inf, inf), (-inf, inf), (nan, nan), (1e10, 1.00001e10),
             (0.0, 0.0), (1, 2, 0.5), (1, 1.1, 0.1)]:
    show("isclose", *args)
for kw in [dict(rel_tol=0.5), dict(abs_tol=1e-3), dict(rel_tol=-1), dict(abs_tol=-1), dict(rel_tol=0.0, abs_tol=0.0)]:
    try:
        print(kw, math.isclose(1.0, 1.0005, **kw))
    except Exception as e:
        print(kw, type(e).__name__, e)
for args in [(2,), (8, 2), (100, 10), (1, 10), (0,), (-1,), (0.0,), (10, 1), (10, 0), (10, -2), (2**1000,), (2**1000, 2),
             (10**400, 10), (inf,), (nan,), (-inf,), (1e-320,), ("x",), (8, 2.0), (1j,), (10, 10**400), (True,)]:
    show("log", *args)
for x in [2**1000, 10**400, 1, 0, -1, 2**1024]:
    show("log2", x)
    show("log10", x)
    show("log1p", x)
    show("sqrt", x)
