import math
def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)
vals = [0.0, -0.0, 1.0, -1.5, 0.1, 1e300, 5e-324, 2.5, -2.5, 1e16, 123.456, 2.0**-1022, 2.0**-1023, float("inf"), float("nan")]
for v in vals:
    print(repr(v), v.is_integer(), v.hex(), v.conjugate(), v.real, v.imag, hash(v) if v == v else "nan")
    if math.isfinite(v):
        print(" ", v.as_integer_ratio(), v.__trunc__(), v.__floor__(), v.__ceil__(), int(v), float.fromhex(v.hex()) == v,
              math.trunc(v), math.floor(v), math.ceil(v))
for s in ["0x1p0", "0x1.8p1", "-0x1.fffffffffffffp+1023", "0x0.0000000000001p-1022", "0x1p-1074", "0x1p-1075",
          "0x1.8p-1074", "0X1.P1", "1", "a", ".8", "0x.8", "  0x10  ", "inf", "-Infinity", "nan", "0x1.fffffffffffff8p1023",
          "0x1p1024", "0x", "0xp1", "0x1p", "0x1.2.3", "g", "0x1p+10", "0x1P-2", "-0x0p0", "0x123456789abcdef0p0",
          "0x1.00000000000008p0", "0x1.00000000000018p0", "0x1.000000000000080001p0"]:
    show(lambda: float.fromhex(s))
show(lambda: (1.5).as_integer_ratio())
show(lambda: float("inf").as_integer_ratio())
show(lambda: float("nan").as_integer_ratio())
show(lambda: float("inf").__trunc__())
show(lambda: float("nan").__floor__())
show(lambda: float("-inf").__ceil__())
show(lambda: float.__getformat__("double"))
show(lambda: float.__getformat__("float"))
show(lambda: float.__getformat__("x"))
for h in [hash(1.0) == hash(1), hash(0.5), hash(-0.5), hash(float("inf")), hash(float("-inf")), hash(1e300), hash(-1.0),
          hash(2.0**61), hash(2.0**61 - 2**8), hash(1e-300), hash(0.1), hash(-0.0), hash(123.456)]:
    print(h)
class MyFloat(float):
    def __repr__(self):
        return f"MyFloat({float(self)!r})"
m = MyFloat(2.5)
print(m, repr(m), str(m), m + 1, type(m + 1).__name__, type(-m).__name__, type(abs(m)).__name__, m == 2.5, hash(m) == hash(2.5),
      type(m.real).__name__, m.is_integer(), round(m), MyFloat("1.5"), MyFloat(), type(MyFloat.fromhex("0x1p1")).__name__,
      MyFloat.fromhex("0x1p1"), float(m), type(float(m)).__name__, f"{m:.2f}", m.hex(), type(m.conjugate()).__name__)
class F2(float):
    def __new__(cls, v, tag):
        o = super().__new__(cls, v)
        o.tag = tag
        return o
f = F2(1.25, "t")
print(f, f.tag, f * 2, vars(f))
print(float.__new__(MyFloat, 3), float.__name__, float.__doc__[:20])
show(lambda: float.__new__(int, 3))
for v in [1.5, -2.25, 1e20, 0.1, 1e-7, float("inf"), float("nan"), -0.0, 123456.789]:
    print(format(v, ""), format(v, "f"), format(v, ".3e"), format(v, "g"), format(v, ".10g"), format(v, "%"),
          format(v, "+.2f"), format(v, "10.3"), format(v, "<12.1f"), format(v, ",.2f"), format(v, "_.3f"), format(v, "E"),
          format(v, "#g"), format(v, ".0f"), format(v, "#.0f"), format(v, "012.4f"), format(v, "n"), format(v, ".3"),
          format(v, "z.1f") if False else "")
show(lambda: format(1.5, "d"))
show(lambda: format(1.5, "x"))
print(f"{3.14159:.2f}", f"{2.5:.0f}", f"{1e16:.1e}", f"{0.000012345:g}", f"{12345678.0:,}", "%.3f %e %g %r %s" % (1.5, 1.5, 1.5, 0.1, 0.1))
class MyFloat(float):
    def __repr__(self): return "MF"
class MyInt(int):
    def __repr__(self): return "MI"
class MyC(complex):
    def __repr__(self): return "MC"
print(format(MyFloat(2.5), ""), f"{MyFloat(2.5)}", format(MyInt(3), ""), format(MyC(1j), ""), f"{MyFloat(1.5):5}", f"{MyInt(3):3}")
