import struct

formats = ["b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "P", "?", "e", "f", "d", "c",
           "5s", "5p", "x", "3x", "bi", "ci", "bq", "hd", "2h3i", "?Q", "0s", "0p", "", "b 3h  q"]
for prefix in ("", "@", "=", "<", ">", "!"):
    for f in formats:
        fmt = prefix + f
        try:
            print(repr(fmt), struct.calcsize(fmt))
        except struct.error as e:
            print(repr(fmt), "error", e)

values = {
    "b": [-128, 0, 127], "B": [0, 255], "h": [-32768, 32767], "H": [65535], "i": [-2**31, 2**31 - 1],
    "I": [2**32 - 1], "q": [-2**63, 2**63 - 1], "Q": [2**64 - 1], "?": [True, False, 0, 3, [], "x"],
    "e": [0.0, -0.0, 1.0, 0.5, 65504.0, 6e-8, 1e-5, 3.14159, float("inf"), -float("inf"), 0.1],
    "f": [1.5, -2.25, 3.4e38, 1e-45, 0.1], "d": [1e300, -0.0, 2.5, 0.1], "c": [b"a", b"\x00"],
}
for prefix in ("@", "<", ">", "="):
    for code, vals in values.items():
        for v in vals:
            data = struct.pack(prefix + code, v)
            print(prefix + code, repr(v), data, struct.unpack(prefix + code, data))

print(struct.pack("5s", b"ab"), struct.pack("2s", b"abcdef"), struct.unpack("3s", b"xyz"))
print(struct.pack("5p", b"ab"), struct.pack("3p", b"abcdef"), struct.unpack("5p", b"\x09abcd"))
print(struct.pack("bhbq", 1, 2, 3, 4), struct.pack("<bhbq", 1, 2, 3, 4), struct.pack(">bhbq", 1, 2, 3, 4))
print(struct.unpack("bhbq", struct.pack("bhbq", -1, -2, -3, -4)))
print(struct.pack("i", True), struct.pack("d", 3), struct.pack("e", 2))
nan = struct.unpack("<e", struct.pack("<e", float("nan")))[0]
print(nan != nan, struct.pack("<e", float("nan")), struct.pack("<e", -float("nan")))
print(struct.pack("<e", 65519.99), struct.pack("<e", 2.0**-25), struct.pack("<e", 2.0**-24 * 1.5))

class Idx:
    def __index__(self):
        return 7
print(struct.pack("i", Idx()), struct.pack("b", Idx()))
class Flt:
    def __float__(self):
        return 2.5
print(struct.pack("d", Flt()))

s = struct.Struct("<hq3s")
print(s.format, s.size, s.pack(1, 2, b"abc"), s.unpack(s.pack(1, 2, b"abc")))
print(struct.Struct(b">i").format, struct.Struct(b">i").pack(258))
buf = bytearray(20)
s.pack_into(buf, 2, -1, -2, b"xy")
print(buf)
struct.pack_into(">H", buf, -2, 0xABCD)
print(buf, s.unpack_from(buf, 2), s.unpack_from(buf, offset=2), struct.unpack_from("<H", buf), struct.unpack_from("B", buf, -1))
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00\x03\x00")))
it = s.iter_unpack(bytes(26))
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it))
print(struct.unpack("<i", memoryview(b"\x01\x02\x03\x04")), struct.unpack(">i", bytearray(b"\xff\xff\xff\xfe")))

class MyStruct(struct.Struct):
    def __init__(self):
        super().__init__("<I")
m = MyStruct()
print(m.size, m.pack(5), isinstance(m, struct.Struct))
print(struct.error.__module__, struct.error.__mro__[1].__name__)

# Large repeat counts are compact: no per-value cost until packing.
print(struct.calcsize("100000000b"), struct.calcsize("1000000000x"), struct.calcsize("@b1000000000q"))
big = struct.Struct("<100000H")
data = big.pack(*range(100000))
print(len(data), big.unpack(data)[-3:], struct.unpack("3i0i2h", struct.pack("3i0i2h", 1, 2, 3, 4, 5)))
print(struct.calcsize("@c0q"), struct.calcsize("@cq0s"), struct.calcsize("@b2x3h"), struct.calcsize("@3s i"))
