import io

class Source(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n

s = Source(b"one\ntwo\nthree")
print(s.read(2), s.readline(), s.readline(5), s.readline(), s.read(), s.read())
s = Source(b"a\nb\nc")
print(list(s), s.closed)
s = Source(b"a\nbb\nccc\n")
print(s.readlines(3), s.readlines())
s = Source(b"x" * 20000)
print(len(s.readall()), len(s.read()))

with Source(b"ctx") as s:
    print(s.read(), s.closed)
print(s.closed)
for f in [s.read, s.readline, lambda: iter(s), s.__enter__, s.flush, s.isatty]:
    try:
        f()
    except ValueError as e:
        print(type(e).__name__, e)
s.close()

class Sink(io.RawIOBase):
    def __init__(self):
        self.out = []
    def writable(self):
        return True
    def write(self, b):
        self.out.append(bytes(b))
        return len(b)
k = Sink()
k.writelines([b"a", b"b"])
print(k.out, k.readable(), k.seekable(), k.writable())
try:
    k.writelines(5)
except TypeError as e:
    print(type(e).__name__)

# The generic methods of the bases.
b = io.IOBase()
for f in [b.fileno, lambda: b.seek(0), b.tell, b.truncate, b._checkSeekable, b._checkReadable, b._checkWritable]:
    try:
        f()
    except (io.UnsupportedOperation, OSError) as e:
        print(type(e).__name__, e)
print(b.seekable(), b.readable(), b.writable(), b.isatty(), b.closed, b.flush())
b.close()
print(b.closed)
try:
    b.flush()
except ValueError as e:
    print(type(e).__name__, e)
r = io.RawIOBase()
for f in [lambda: r.readinto(bytearray(1)), lambda: r.write(b"x"), lambda: r.read(2)]:
    try:
        f()
    except NotImplementedError as e:
        print(type(e).__name__)
bb = io.BufferedIOBase()
for f in [bb.read, bb.read1, lambda: bb.write(b""), bb.detach, lambda: bb.readinto(bytearray(2))]:
    try:
        f()
    except io.UnsupportedOperation as e:
        print(type(e).__name__, e)
tb = io.TextIOBase()
for f in [tb.read, tb.readline, lambda: tb.write(""), tb.detach]:
    try:
        f()
    except io.UnsupportedOperation as e:
        print(type(e).__name__, e)
print(tb.encoding, tb.errors, tb.newlines)

class Buf(io.BufferedIOBase):
    def read(self, n=-1):
        return b"xyz"[:n]
    def read1(self, n=-1):
        return b"q"
b = bytearray(5)
print(Buf().readinto(b), b, Buf().readinto1(b), b)

class Closing(io.RawIOBase):
    def close(self):
        print("close called")
        super().close()
c = Closing()
c.close()
c.close()
print(c.closed)

print(io.UnsupportedOperation.__mro__[1:3], issubclass(io.UnsupportedOperation, ValueError))
print(isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(io.FileIO(0, closefd=False), io.RawIOBase),
      isinstance(io.StringIO(), io.IOBase), io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
