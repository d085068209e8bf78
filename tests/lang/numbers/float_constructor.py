def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

for s in ["1.5", "  -2.25\n", "1e10", "1E-3", ".5", "5.", "1_000.5", "1_0e1_0", "inf", "-Infinity", "+iNf", "nan",
          "-NaN", "infinity", "  nan  ", "0x10", "1__0", "_1", "1_", "1._5", "1e", "e5", "", " ", ".", "1.5.5",
          "١٫٥", "١.٥", "１.５", "12\x00", "1e500", "-1e500", "1e-500", "4.9e-324", "2.4703282292062328e-324",
          "0.1", "123456789012345678901234567890", "1" * 400, "+.5e+3", "infi", "nanx", "- 1", "1 ", "\u20031.0\u2003",
          "9007199254740993", "1.7976931348623157e308", "1.7976931348623159e308"]:
    show(lambda: float(s))
show(lambda: float(b" 1.25 "))
show(lambda: float(bytearray(b"-3")))
show(lambda: float(b"x"))
show(lambda: float(bytearray(b" 2.5 ")))
show(lambda: float(None))
show(lambda: float([1]))
show(lambda: float(1j))
show(lambda: float(10**400))
show(lambda: float(2**53 + 1))
show(lambda: float(x=1))
show(lambda: float(1, 2))
show(lambda: float())
show(lambda: float(True))
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 3
class Both:
    def __float__(self): return 1.0
    def __index__(self): return 3
class Bad:
    def __float__(self): return 1
class FSub(float):
    pass
class RetSub:
    def __float__(self): return FSub(4.5)
for c in (F, I, Both, Bad, RetSub):
    show(lambda: float(c()))
show(lambda: float(FSub(1.5)))
print(type(float(FSub(1.5))).__name__)
show(lambda: float("1.5", ))
show(lambda: float.fromhex("0x1.8p1"))
