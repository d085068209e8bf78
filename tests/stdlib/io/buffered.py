import io
import os

path = "/tmp/spindle_test_io_buffered.bin"

# A raw stream that records the calls it gets.
class Raw(io.RawIOBase):
    def __init__(self, data=b"", chunk=4):
        self.data = bytearray(data)
        self.pos = 0
        self.chunk = chunk
        self.calls = []
    def readable(self): return True
    def writable(self): return True
    def seekable(self): return True
    def readinto(self, b):
        n = min(len(b), self.chunk, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        self.calls.append(("readinto", len(b), n))
        return n
    def write(self, b):
        b = bytes(b)
        self.data[self.pos:self.pos + len(b)] = b
        self.pos += len(b)
        self.calls.append(("write", len(b)))
        return len(b)
    def seek(self, pos, whence=0):
        self.pos = [pos, self.pos + pos, len(self.data) + pos][whence]
        return self.pos
    def tell(self):
        return self.pos

r = io.BufferedReader(Raw(b"abcdefghijklmnop\nqrstuvwxyz\nend", chunk=5), buffer_size=8)
print(r.read(3), r.peek(2)[:2], r.read1(10), r.read1(), r.tell())
print(r.readline(), r.readline(), r.readline(), r.readline())
print(r.raw.calls[:4], r.seekable(), r.readable(), r.writable())
r.seek(2)
b = bytearray(6)
print(r.readinto(b), b, r.readinto1(bytearray(3)), r.tell())
r.seek(0)
print(r.read(), r.read(), r.read(5))
r.seek(-4, 2)
print(r.read(), list(io.BufferedReader(Raw(b"x\ny\nz"))))

w = io.BufferedWriter(Raw(), buffer_size=8)
print(w.write(b"abc"), w.raw.calls, w.tell())
print(w.write(b"defgh"), w.raw.calls)
print(w.write(b"0123456789ABCDEFG"), w.raw.calls)
w.flush()
print(w.raw.calls[-1], bytes(w.raw.data))
w.seek(2)
w.write(b"XY")
print(bytes(w.raw.data), w.tell())
w.flush()
print(bytes(w.raw.data))
print(w.truncate(5) if False else "", w.writable(), w.readable())

rw = io.BufferedRandom(Raw(b"0123456789"), buffer_size=4)
print(rw.read(2), rw.write(b"ab"), rw.tell(), rw.read(2), rw.peek(1)[:1])
rw.flush()
print(bytes(rw.raw.data), rw.seek(0), rw.read())
rw.seek(1)
rw.write(b"Z")
rw.seek(0)
print(rw.read(4), bytes(rw.raw.data))

pair = io.BufferedRWPair(io.BytesIO(b"from reader"), io.BytesIO())
print(pair.read(4), pair.peek(1)[:1], pair.write(b"to writer"), pair.readable(), pair.writable(), pair.seekable())
pair.flush()
print(pair.closed, pair.isatty())
pair.close()
print(pair.closed)

# detach, repr, closing
raw = Raw(b"data")
r = io.BufferedReader(raw)
print(repr(r), r.detach() is raw)
for f in [r.read, lambda: r.raw, r.tell]:
    try:
        f()
    except ValueError as e:
        print(type(e).__name__, e)

with open(path, "wb") as f:
    print(repr(f) == "<_io.BufferedWriter name=%r>" % path, f.name == path, f.mode)
    f.write(b"line1\nline2\n")
with open(path, "rb") as f:
    print(f.read1(3), f.peek(3)[:3], f.readline(), list(f))
    print(f.read(), f.read(2))
with open(path, "r+b") as f:
    f.seek(0, 2)
    f.write(b"line3\n")
    f.seek(0)
    print(f.read())
    f.seek(2)
    f.write(b"X")
    print(f.tell(), f.read(3))
    f.truncate(7)
    f.seek(0)
    print(f.read())

f = open(path, "wb")
f.write(b"flushed on close")
f.close()
print(f.closed, open(path, "rb").read())
for op in [lambda: f.write(b"x"), f.read, f.flush, lambda: f.seek(0), f.tell]:
    try:
        op()
    except (ValueError, io.UnsupportedOperation) as e:
        print(type(e).__name__, e)

# errors
for make in [lambda: io.BufferedReader(io.BytesIO(), 0), lambda: io.BufferedWriter(io.BytesIO(), -1),
             lambda: io.BufferedReader(Raw(), buffer_size="x")]:
    try:
        make()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

class ReadOnly(io.RawIOBase):
    def readable(self): return True
class WriteOnly(io.RawIOBase):
    def writable(self): return True
for make in [lambda: io.BufferedWriter(ReadOnly()), lambda: io.BufferedReader(WriteOnly()),
             lambda: io.BufferedRandom(ReadOnly()), lambda: io.BufferedRWPair(WriteOnly(), ReadOnly())]:
    try:
        make()
    except io.UnsupportedOperation as e:
        print(type(e).__name__, e)
try:
    io.BufferedReader(io.BytesIO(b"x")).read(-2)
except ValueError as e:
    print(type(e).__name__, e)
try:
    io.BufferedWriter(io.BytesIO()).read()
except io.UnsupportedOperation as e:
    print(type(e).__name__, e)

class BadRaw(Raw):
    def readinto(self, b):
        return len(b) + 5
try:
    io.BufferedReader(BadRaw(b"abc")).read(2)
except OSError as e:
    print(type(e).__name__, e)
os.remove(path)
