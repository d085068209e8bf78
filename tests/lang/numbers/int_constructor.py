# int(): bases, underscores, whitespace, Unicode digits, bytes, fallbacks, errors.
def show(f):
    try:
        r = f()
        print(type(r).__name__, r)
    except Exception as e:
        print(type(e).__name__, e)

print(int(), int(0), int(-7), int(3.99), int(-3.99), int(True), int(1e20))
for s, b in [("10", 2), ("ff", 16), ("FF", 16), ("0xff", 16), ("0xff", 0), ("0o17", 0), ("0b101", 0),
             ("z", 36), ("Z", 36), ("  42  ", 10), ("-0x10", 0), ("+0b1_0", 0), ("1_000", 10),
             ("0_0", 0), ("00", 0), ("0", 0), ("0x_f", 16), ("0b_1", 0), ("\t\n 7\x0c", 10),
             ("12", 3), ("777", 8), ("0o777", 8), ("0b1", 16), ("0x", 16), ("1__0", 10),
             ("_1", 10), ("1_", 10), ("010", 0), ("08", 0), ("", 10), ("  ", 10), ("-", 10),
             ("+-1", 10), ("1 2", 10), ("١٢٣", 10), ("１２３", 10), ("٣_٤", 10), ("1.5", 10),
             ("9" * 30, 10), ("-" + "f" * 40, 16), ("1e5", 10), ("\u00a012\u2003", 10), ("12\x00", 10)]:
    show(lambda: int(s, b))
show(lambda: int("10", 1))
show(lambda: int("10", 37))
show(lambda: int("10", -1))
show(lambda: int(10, 10))
show(lambda: int(base=10))
show(lambda: int("10", base=2**70))
show(lambda: int(b"42"))
show(lambda: int(b" 0x1f ", 16))
show(lambda: int(bytearray(b"-12")))
show(lambda: int(b"\xff"))
show(lambda: int(b"1_0"))
show(lambda: int(bytearray(b" 12 ")))
show(lambda: int([1]))
show(lambda: int(None))
show(lambda: int(1j))
show(lambda: int(float("inf")))
show(lambda: int(float("-inf")))
show(lambda: int(float("nan")))
show(lambda: int("inf"))
show(lambda: int(x="5"))

class WithInt:
    def __int__(self): return 7
class WithIndex:
    def __index__(self): return 8
class WithTrunc:
    def __trunc__(self): return 9
class WithBoth:
    def __int__(self): return 1
    def __index__(self): return 2
class BadInt:
    def __int__(self): return "x"
class BadTrunc:
    def __trunc__(self): return "x"
class TruncToIndex:
    def __trunc__(self): return WithIndex()
class IntReturnsBool:
    def __int__(self): return True
for cls in (WithInt, WithIndex, WithTrunc, WithBoth, BadInt, BadTrunc, TruncToIndex, IntReturnsBool):
    show(lambda: int(cls()))

class MyInt(int):
    pass
show(lambda: int(MyInt(5)))
print(type(int(MyInt(5))).__name__)
class StrSub(str):
    pass
show(lambda: int(StrSub("12")))
show(lambda: int("12", WithIndex()))
show(lambda: int("12", 2.5))
