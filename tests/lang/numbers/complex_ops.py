def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

for v in [1j, -1j, 0j, -0j, complex(0, -0.0), complex(-0.0, 0), complex(-0.0, -0.0), 1 + 2j, 1 - 2j, -1.5 + 0.5j,
          complex(1e20, 1e-20), complex(float("inf"), float("nan")), complex(float("nan"), float("nan")),
          complex(float("-inf"), 1), complex(1, float("-inf")), 3 + 0j, 1e16j, 1.5j, complex(2, 1e300 * 1e10)]:
    print(repr(v), str(v), v.real, v.imag, v.conjugate(), abs(v) if v == v else "nanabs", -v, +v, bool(v))
for s in ["1+2j", "(1-2j)", " ( 3j ) ", "1", "-1.5", "j", "-j", "+J", "1e3+1e-3j", "inf+nanj", "-infj", "1_0+2_0j",
          "(1+2j", "1+2j)", "1+", "1+2", "1j+2", "", "()", "1 + 2j", "1+2jj", "nan", "  7  ", "1e+3j", "1e-3-2e+2j",
          "\u00a01+1j\u00a0", "1.5e", "(  )", "--1j", "1+-2j", "1..5j"]:
    show(lambda: complex(s))
show(lambda: complex(1, 2))
show(lambda: complex(1.5, -0.5))
show(lambda: complex(1j, 1j))
show(lambda: complex(1 + 2j, 3))
show(lambda: complex("1", 2))
show(lambda: complex(1, "2"))
show(lambda: complex(None))
show(lambda: complex([1]))
show(lambda: complex(real=1, imag=2))
show(lambda: complex())
show(lambda: complex(10**400))
class C:
    def __complex__(self): return 2 + 3j
class Bad:
    def __complex__(self): return 5
class FloatOnly:
    def __float__(self): return 2.5
class IndexOnly:
    def __index__(self): return 4
for c in (C, Bad, FloatOnly, IndexOnly):
    show(lambda: complex(c()))
a, b = 1 + 2j, 3 - 4j
for r in [a + b, a - b, a * b, a / b, a ** 2, a ** -1, a ** 0, a ** 0.5, a ** b, 2 ** a, a + 1, 1 + a, a * 2.5,
          1 / a, a - 1.5, (1j) ** 2, (1j) ** 3, (-1) ** 0.5, 0j ** 0, 0j ** 2, (2 + 0j) ** 100, a ** 101,
          (1 + 1j) ** 1j, abs(3 + 4j), abs(-5j), a == 1 + 2j, a != b, a == 1, (1 + 0j) == 1, (1 + 0j) == 1.0,
          (2 ** 53 + 1) == complex(2 ** 53), hash(1 + 0j) == hash(1), hash(0j), hash(1j), hash(2 - 3j), hash(complex(0.5, 0))]:
    print(type(r).__name__, repr(r))
show(lambda: a / 0)
show(lambda: a / 0j)
show(lambda: 1 / 0j)
show(lambda: 0j ** -1)
show(lambda: 0j ** 1j)
show(lambda: a < b)
show(lambda: a <= 1)
show(lambda: 1 > a)
show(lambda: a // 2)
show(lambda: a % 2)
show(lambda: divmod(a, 2))
show(lambda: pow(a, 2, 3))
show(lambda: int(a))
show(lambda: float(a))
show(lambda: round(a))
show(lambda: abs(complex(1e308, 1e308)))
show(lambda: (1e200 + 1e200j) * (1e200 + 1e200j))
show(lambda: (10 + 10j) ** 1000)
show(lambda: complex(1e308, 1e308) / complex(1e-308, 1e-308))
show(lambda: (1 + 2j).__add__("x"))
show(lambda: (1 + 2j).__lt__(1))
show(lambda: (1 + 2j).__eq__(1 + 2j))
show(lambda: (1 + 2j).__rtruediv__(1))
show(lambda: (1 + 2j).__rpow__(2))
for v in [1 + 2j, -1.5j, complex(1e20, -1e-5), complex(float("nan"), float("inf"))]:
    print(format(v, ""), format(v, ".2f"), format(v, "e"), format(v, "g"), format(v, ">30"), format(v, "+.1f"), format(v, "^30.3"))
show(lambda: format(1j, "=10"))
show(lambda: format(1j, "010"))
show(lambda: format(1j, "d"))
print(f"{1 + 2j}", f"{3j:.1f}", "%s" % (1 + 1j))
class MyComplex(complex):
    pass
m = MyComplex(1, 2)
print(m, type(m).__name__, type(m + 1).__name__, m.real, type(m.conjugate()).__name__, MyComplex("3+4j"), complex(m),
      type(complex(m)).__name__, m == 1 + 2j)
print(complex.__name__, (2 + 3j).__getnewargs__(), 1j.__complex__() if hasattr(1j, "__complex__") else "")
