import math
def show(name, *args):
    try:
        r = getattr(math, name)(*args)
        print(name, args, type(r).__name__, repr(r))
    except Exception as e:
        print(name, args, type(e).__name__, e)

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, type(math.nan).__name__)
inf, nan = math.inf, math.nan
unary = ["sqrt", "exp", "expm1", "log1p", "log2", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
         "tanh", "asinh", "acosh", "atanh", "erf", "erfc", "gamma", "lgamma", "fabs", "cbrt", "exp2", "degrees", "radians",
         "isfinite", "isinf", "isnan", "ulp"]
args = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, 10.0, -10.0, 0.1, 1e-10, 100.0, 710.0, -745.5, 1e308, 5e-324, inf, -inf, nan,
        3, -4, 2**80, True]
for fn in unary:
    for a in args:
        show(fn, a)
for fn in unary:
    show(fn, "x")
    show(fn, 10**400)
show("sqrt", 1j)
show("sqrt")
show("sqrt", 1, 2)
