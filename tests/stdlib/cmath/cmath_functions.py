import cmath, math
def label(args):
    return tuple(a if isinstance(a, (int, float, complex, str)) else type(a).__name__ for a in args)
def show(name, *args):
    try:
        r = getattr(cmath, name)(*args)
        print(name, label(args), type(r).__name__, repr(r))
    except Exception as e:
        print(name, label(args), type(e).__name__, e)
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
inf, nan = math.inf, math.nan
vals = [0j, complex(-0.0, 0), complex(0, -0.0), complex(-0.0, -0.0), 1 + 0j, -1 + 0j, 1j, -1j, 1 + 1j, -2 + 3j, 0.5 - 0.5j,
        complex(1e300, 1e300), complex(1e-300, -1e-300), complex(inf, 0), complex(-inf, 0), complex(0, inf),
        complex(inf, inf), complex(nan, 0), complex(0, nan), complex(nan, nan), complex(inf, nan), complex(-inf, 1),
        complex(1, -inf), 3, -2.5, complex(710, 1), complex(-710, 1), complex(1, 710)]
for fn in ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh",
           "acosh", "atanh", "phase", "polar", "isfinite", "isinf", "isnan"]:
    for v in vals:
        show(fn, v)
for args in [(1, 0), (1, math.pi / 2), (2, math.pi), (0, 0), (-1, 0), (inf, 0), (inf, 1), (inf, nan), (nan, 1), (1, inf),
             (1e308, 1e-5), (0, inf), (-inf, 2.0)]:
    show("rect", *args)
for args in [(8, 2), (100, 10), (1j, 1j), (0, 2), (2, 0), (2, 1), (-1, 10), (1 + 1j, 2 - 1j)]:
    show("log", *args)
for args in [(1 + 1j, 1 + 1.0000000001j), (1, 1), (1j, 2j), (complex(inf, 0), complex(inf, 0)), (1, 1.1, 0.2)]:
    show("isclose", *args)
try:
    cmath.isclose(1, 1, rel_tol=-1)
except ValueError as e:
    print(type(e).__name__, e)
print(cmath.isclose(1j, 1.0001j, rel_tol=1e-3), cmath.isclose(0, 1e-10, abs_tol=1e-9))
class C:
    def __complex__(self): return 1 + 1j
class F:
    def __float__(self): return 4.0
class I:
    def __index__(self): return 9
show("sqrt", C())
show("sqrt", F())
show("sqrt", I())
show("sqrt", "x")
show("sqrt", 10**400)
show("exp", 1000)
show("cosh", complex(1000, 1))
show("log", 0)
show("atanh", 1)
show("phase", -1)
show("phase", complex(-1, -0.0))
print(sorted(n for n in dir(cmath) if n[0] != "_"))
