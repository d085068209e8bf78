import gzip, io, os, tempfile, zlib

data = b"".join(b"record %05d: %s\n" % (i, b"x" * (i % 37)) for i in range(3000))
print(len(data), zlib.crc32(data))

blob = gzip.compress(data, mtime=0)
print(len(blob), blob[:10].hex(), gzip.decompress(blob) == data)
for level in (0, 1, 9):
    print(level, len(gzip.compress(data, compresslevel=level, mtime=0)))
print(gzip.decompress(gzip.compress(b"a", mtime=0) + gzip.compress(b"b", mtime=0)))

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "file.txt.gz")
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        f.write(data[:10000])
        f.write(data[10000:])
    with open(path, "rb") as f:
        raw = f.read()
    print(len(raw), raw[:4].hex(), zlib.crc32(raw[-8:-4]), int.from_bytes(raw[-4:], "little"))
    with gzip.open(path, "rb") as f:
        print(f.read(20), f.tell())
        f.seek(50000)
        print(f.read(30))
        f.seek(0)
        print(sum(1 for _ in f))
    with gzip.open(path, "rt", encoding="ascii") as f:
        lines = f.readlines()
        print(len(lines), lines[5], lines[-1])
    with gzip.open(path, "ab") as f:
        f.write(b"appended member\n")
    with gzip.open(path) as f:
        print(f.read()[-30:])
    with gzip.GzipFile(path, "wb", compresslevel=1, mtime=0) as f:
        f.write(b"flushing ")
        f.flush()
        f.write(b"test")
    print(gzip.GzipFile(path).read())

buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="name.txt") as f:
    f.write(b"in memory")
print(buf.getvalue()[:20])
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.read(), f.name)

for bad in (b"not gzip at all", blob[:20], blob[:-3]):
    try:
        gzip.decompress(bad)
    except Exception as e:
        print(type(e).__name__, e)
bad_crc = blob[:-8] + b"\0\0\0\0" + blob[-4:]
try:
    gzip.decompress(bad_crc)
except Exception as e:
    print(type(e).__name__, e)
