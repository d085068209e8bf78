import zlib

data = b"".join(b"line %d of some text that repeats a bit\n" % i for i in range(2000))

# streaming compression with different flush modes
for mode in (zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_BLOCK):
    c = zlib.compressobj(6, zlib.DEFLATED, 15, 8, zlib.Z_DEFAULT_STRATEGY)
    out = []
    for i in range(0, len(data), 7000):
        out.append(c.compress(data[i:i + 7000]))
        out.append(c.flush(mode))
    out.append(c.flush())
    z = b"".join(out)
    print(mode, len(z), zlib.decompress(z) == data)

for strategy in (zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
    c = zlib.compressobj(strategy=strategy)
    z = c.compress(data) + c.flush()
    print(strategy, len(z), zlib.decompress(z) == data)
c = zlib.compressobj(level=9, memLevel=9, wbits=-12)
z = c.compress(data) + c.flush()
print(len(z), zlib.decompress(z, -12) == data)

# copy of a compressor
c = zlib.compressobj()
head = c.compress(data[:5000])
c2 = c.copy()
t1 = c.compress(data[5000:]) + c.flush()
t2 = c2.compress(data[5000:]) + c2.flush()
print(t1 == t2, zlib.decompress(head + t1) == data)
import copy
c = zlib.compressobj()
h = c.compress(b"abc")
print(zlib.decompress(h + copy.copy(c).flush()), zlib.decompress(h + copy.deepcopy(c).flush()))

# zdict
zd = b"line of some text that repeats"
c = zlib.compressobj(zdict=zd)
z = c.compress(data) + c.flush()
print(len(z))
d = zlib.decompressobj(zdict=zd)
print(d.decompress(z) == data, d.eof)
try:
    zlib.decompressobj().decompress(z)
except zlib.error as e:
    print("error", e)
c = zlib.compressobj(wbits=-15, zdict=bytearray(zd))
z = c.compress(data) + c.flush()
d = zlib.decompressobj(wbits=-15, zdict=memoryview(zd))
print(d.decompress(z) == data)

# decompressobj: max_length, unconsumed_tail, unused_data, eof
z = zlib.compress(data)
d = zlib.decompressobj()
print(d.unused_data, d.unconsumed_tail, d.eof)
out = d.decompress(z, 100)
print(len(out), len(d.unconsumed_tail), d.eof)
chunks = [out]
while d.unconsumed_tail:
    chunks.append(d.decompress(d.unconsumed_tail, 10000))
print([len(x) for x in chunks], d.eof, b"".join(chunks) == data)
print(d.flush(), d.eof)

d = zlib.decompressobj()
out = d.decompress(z + b"EXTRA")
print(out == data, d.unused_data, d.eof, d.unconsumed_tail)
print(d.decompress(b"more"), d.unused_data)

# byte at a time
d = zlib.decompressobj()
parts = [d.decompress(z[i:i + 1]) for i in range(len(z))]
print(b"".join(parts) == data, d.eof, sum(1 for p in parts if p))

# flush with pending input
d = zlib.decompressobj()
first = d.decompress(z, 50)
rest = d.flush()
print(len(first), len(rest), first + rest == data, d.eof, d.unconsumed_tail)

# copy of a decompressor
d = zlib.decompressobj()
a = d.decompress(z[:300])
d2 = d.copy()
print(a + d.decompress(z[300:]) == data, a + d2.decompress(z[300:]) == data)
d3 = copy.copy(d2)
print(d3.eof, d3.unused_data)

# truncated stream: flush returns what is available
d = zlib.decompressobj()
part = d.decompress(z[:len(z) // 2])
print(len(part) > 0, d.eof, len(d.flush()) >= 0, d.eof)

# gzip and auto header detection
gz = zlib.compressobj(wbits=31)
g = gz.compress(data) + gz.flush()
print(g[:3].hex(), zlib.decompressobj(31).decompress(g) == data, zlib.decompressobj(47).decompress(g) == data)
