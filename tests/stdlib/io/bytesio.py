import io

b = io.BytesIO(b"hello\nworld\nlast")
print(b.read(3), b.tell(), b.readline(), b.readline(), b.readline(), b.readline())
b.seek(0)
print(b.readlines())
b.seek(0)
print(list(b))
print(b.getvalue(), b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed)

# read1 / readinto
b = io.BytesIO(b"abcdefgh")
print(b.read1(3), b.read1(), b.read1())
b.seek(2)
buf = bytearray(4)
print(b.readinto(buf), buf, b.tell())
buf = bytearray(10)
print(b.readinto(buf), buf)

# writing at positions, past the end, overwriting
b = io.BytesIO()
print(b.write(b"abc"), b.getvalue())
b.seek(6)
b.write(b"xyz")
print(b.getvalue(), b.tell())
b.seek(1)
b.write(b"ZZ")
print(b.getvalue())
print(b.seek(0, 2), b.seek(-3, 2), b.read(), b.seek(-100, 1), b.tell())
b.seek(100)
print(b.read(), b.tell())
b.writelines([b"1", bytearray(b"2"), b"3"])
print(len(b.getvalue()))

# truncate keeps the position
b = io.BytesIO(b"0123456789")
b.seek(8)
print(b.truncate(4), b.getvalue(), b.tell())
print(b.truncate(), b.getvalue())

# init from bytearray, re-init
b = io.BytesIO(bytearray(b"xy"))
print(b.getvalue())
b.__init__(b"new")
print(b.getvalue(), b.tell())

# errors
for f in [lambda: b.seek(-1), lambda: b.seek(0, 3), lambda: b.truncate(-1), lambda: b.write("str"),
          lambda: b.readinto(b"immutable"), lambda: io.BytesIO("text"), lambda: b.seek(1.5),
          lambda: b.read("x")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

b.close()
print(b.closed)
for f in [b.read, b.getvalue, b.tell, lambda: b.write(b"x"), b.readable, b.flush, b.isatty, lambda: next(b),
          lambda: b.seek(0), b.readline, lambda: iter(b) is b]:
    try:
        print(f())
    except ValueError as e:
        print(type(e).__name__, e)
b.close()

# state for pickling
b = io.BytesIO(b"data")
b.read(2)
b.extra = 5
st = b.__getstate__()
print(st[0], st[1], st[2])
c = io.BytesIO()
c.__setstate__((b"restored", 3, {"k": 1}))
print(c.read(), c.k)

with io.BytesIO(b"ctx") as b:
    print(b.read())
print(b.closed)

class Sub(io.BytesIO):
    pass
s = Sub(b"sub\nclass")
print(type(s).__name__, s.readline(), isinstance(s, io.BufferedIOBase))
