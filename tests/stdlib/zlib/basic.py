import zlib

data = b"hello world " * 200 + bytes(range(256)) * 4
for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(data, level)
    print(level, len(c), c[:12].hex(), zlib.decompress(c) == data)
print(zlib.compress(b"").hex(), zlib.decompress(zlib.compress(b"")))
for wbits in (9, 15, -9, -15, 25, 31):
    c = zlib.compress(data, wbits=wbits)
    print(wbits, len(c), c[:4].hex(), zlib.decompress(c, wbits) == data)
gz = zlib.compress(data, wbits=31)
print(zlib.decompress(gz, 47) == data, zlib.decompress(zlib.compress(data), 32 + 15) == data)
print(zlib.decompress(zlib.compress(data), bufsize=1) == data, zlib.decompress(zlib.compress(data), bufsize=0) == data)
print(zlib.decompress(zlib.compress(data) + b"trailing") == data)
print(zlib.decompress(memoryview(zlib.compress(b"mv"))), zlib.decompress(bytearray(zlib.compress(b"ba"))))
print(zlib.compress(data=b"x") if False else zlib.compress(b"x", level=9).hex())

print(zlib.crc32(b""), zlib.crc32(b"hello"), zlib.crc32(b"world", zlib.crc32(b"hello ")), zlib.crc32(b"hello world"))
print(zlib.crc32(b"abc", 0xFFFFFFFF), zlib.crc32(b"abc", -1), zlib.crc32(b"abc", 2**40 + 5))
print(zlib.adler32(b""), zlib.adler32(b"hello"), zlib.adler32(b"world", zlib.adler32(b"hello ")), zlib.adler32(b"abc", -1))
print(zlib.crc32(bytearray(b"xyz")), zlib.adler32(memoryview(b"xyz")))

for name in ("MAX_WBITS", "DEFLATED", "DEF_MEM_LEVEL", "DEF_BUF_SIZE", "Z_NO_COMPRESSION", "Z_BEST_SPEED",
             "Z_BEST_COMPRESSION", "Z_DEFAULT_COMPRESSION", "Z_FILTERED", "Z_HUFFMAN_ONLY", "Z_RLE", "Z_FIXED",
             "Z_DEFAULT_STRATEGY", "Z_NO_FLUSH", "Z_PARTIAL_FLUSH", "Z_SYNC_FLUSH", "Z_FULL_FLUSH", "Z_FINISH",
             "Z_BLOCK", "Z_TREES"):
    print(name, getattr(zlib, name))
print(type(zlib.ZLIB_VERSION), type(zlib.ZLIB_RUNTIME_VERSION), zlib.ZLIB_VERSION[:2], zlib.__version__)
print(zlib.error.__mro__, zlib.error.__module__)
print(type(zlib.compressobj()), type(zlib.decompressobj()))
