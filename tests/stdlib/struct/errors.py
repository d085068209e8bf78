import struct

def err(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

for prefix in "@<>=":
    for code in "bBhHiIlLqQnNP":
        for v in (-1, 2**7, 2**8, 2**15, 2**16, 2**31, 2**32, 2**63, 2**64, -2**63 - 1, -2**64):
            err(struct.pack, prefix + code, v)

err(struct.pack, "i", "x")
err(struct.pack, "i", 1.5)
err(struct.pack, "d", "x")
err(struct.pack, "e", 1e6)
err(struct.pack, "<e", 65520.0)
err(struct.pack, "f", 1e300)
err(struct.pack, "<f", 1e300)
err(struct.pack, ">f", -1e300)
err(struct.pack, "c", b"ab")
err(struct.pack, "c", "a")
err(struct.pack, "c", bytearray(b"a"))
err(struct.pack, "s", 1)
err(struct.pack, "p", "x")
err(struct.pack, "s", bytearray(b"ba"))
err(struct.pack, "ii", 1)
err(struct.pack, "i", 1, 2)
err(struct.pack, "z", 1)
err(struct.pack, "3", 1)
err(struct.pack, "<P", 1)
err(struct.pack, "i\0", 1)
err(struct.calcsize, "Q" * 3 + "y")
err(struct.calcsize, 5)
err(struct.unpack, "i", b"abc")
err(struct.unpack, "i", "abcd")
err(struct.unpack_from, "i", b"abc")
err(struct.unpack_from, "i", b"abcdef", 4)
err(struct.unpack_from, "i", b"abcdef", -10)
err(struct.unpack_from, "i", b"abcdef", -2)
err(struct.iter_unpack, "i", b"abcde")
err(struct.iter_unpack, "", b"")
err(struct.pack_into, "i", bytearray(3), 0, 1)
err(struct.pack_into, "i", bytearray(8), 6, 1)
err(struct.pack_into, "i", bytearray(8), -2, 1)
err(struct.pack_into, "i", bytearray(8), -10, 1)
err(struct.pack_into, "i", b"abcdefgh", 0, 1)
err(struct.pack_into, "i", bytearray(8))
err(struct.pack_into, "i", bytearray(8), 0)
err(struct.Struct, 1)
err(struct.Struct("i").unpack, b"")
