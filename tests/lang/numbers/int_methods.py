# int methods and attributes.
def show(f):
    try:
        r = f()
        print(type(r).__name__, r)
    except Exception as e:
        print(type(e).__name__, e)

for v in [0, 1, -1, 255, -256, 2**49, -2**49, 2**64 - 1, -(2**64), 10**50, -(10**50) - 1, True]:
    print(v, v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.conjugate(), v.real, v.imag,
          v.numerator, v.denominator, v.__index__(), v.__trunc__(), v.__floor__(), v.__ceil__(), v.__round__(),
          type(v.real).__name__, type(v.__trunc__()).__name__)
for v in [0, 1, 5, 15, 25, 35, 45, 150, 250, -15, -25, -150, 12345, -12345, 10**30 + 5 * 10**9, 2**70]:
    print(v, round(v, -1), round(v, -2), round(v, 0), round(v, 3), round(v, -10), round(v, -100))
show(lambda: round(5, 2**100))
show(lambda: round(5, 1.5))
show(lambda: round(5, None))
# to_bytes / from_bytes
for v, n, order, signed in [(0, 0, "big", False), (0, 1, "big", False), (1, 2, "big", False), (1, 2, "little", False),
                            (255, 1, "big", False), (256, 2, "little", False), (-1, 1, "big", True),
                            (-128, 1, "big", True), (127, 1, "big", True), (-129, 2, "little", True),
                            (2**64 - 1, 8, "big", False), (-(2**63), 8, "little", True), (1024, 10, "big", True)]:
    b = v.to_bytes(n, order, signed=signed)
    print(v, b, int.from_bytes(b, order, signed=signed))
show(lambda: (256).to_bytes(1, "big"))
show(lambda: (-1).to_bytes(1, "big"))
show(lambda: (128).to_bytes(1, "big", signed=True))
show(lambda: (-129).to_bytes(1, "big", signed=True))
show(lambda: (1).to_bytes(0, "big"))
show(lambda: (-1).to_bytes(0, "big", signed=True))
show(lambda: (0).to_bytes(0, "big", signed=True))
show(lambda: (1).to_bytes(-1, "big"))
show(lambda: (1).to_bytes(1, "middle"))
show(lambda: (1).to_bytes(1, 5))
show(lambda: (65).to_bytes())
show(lambda: (65).to_bytes(2))
show(lambda: (300).to_bytes())
show(lambda: (1).to_bytes(length=2, byteorder="little"))
show(lambda: int.from_bytes(b"\x01\x00"))
show(lambda: int.from_bytes(b"\x01\x00", "little"))
show(lambda: int.from_bytes(b"\xff\xff", "big", signed=True))
show(lambda: int.from_bytes(b"\x80" + b"\x00" * 20, "big", signed=True))
show(lambda: int.from_bytes([1, 2, 3], "big"))
show(lambda: int.from_bytes(bytearray(b"\x02"), "big"))
show(lambda: int.from_bytes(b"", "big", signed=True))
show(lambda: int.from_bytes("ab", "big"))
show(lambda: int.from_bytes(b"\x01", "sideways"))
show(lambda: int.from_bytes(5, "big"))
show(lambda: bool.from_bytes(b"\x01", "big"))
class MyInt(int):
    pass
r = MyInt.from_bytes(b"\x07", "big")
print(type(r).__name__, r)
# __format__ / format
for v in [0, 42, -42, 255, 2**70, -(2**70), True]:
    print(format(v, ""), format(v, "d"), format(v, "x"), format(v, "#X"), format(v, "o"), format(v, "#b"),
          format(v, ","), format(v, "_"), format(v, "+10d"), format(v, "<8"), format(v, "^9"), format(v, "=+12,"),
          format(v, "e"), format(v, ".2f"), format(v, "%"), format(v, "_x"), format(v, "n"), format(v, "08"),
          format(v, "c") if 0 <= v < 0x110000 else "")
show(lambda: format(5, "s"))
show(lambda: format(5, ".2d"))
show(lambda: format(-1, "c"))
show(lambda: format(5, ",x"))
show(lambda: format(True, "s"))
print(f"{12345678:,}", f"{-1234.5:,.1f}", f"{255:#010x}", f"{3:>{5}}", f"{True}", f"{True:d}", f"{False!r}")
print((5).__sizeof__() > 0, int.__doc__[:20], (5).__getnewargs__(), int.__name__, bool.__name__)
show(lambda: (5).bit_length(1))
show(lambda: int.bit_count(5.0))
print(int.real.__doc__ if False else "", int.numerator, int.__mro__, bool.__mro__)
print(hasattr(3, "is_integer"), (3).__hash__() == hash(3))
