import io

s = io.StringIO("line1\nline2\nline3")
print(repr(s.read(3)), s.tell(), repr(s.readline()), s.readlines())
s.seek(0)
print(list(s), s.getvalue() == "line1\nline2\nline3")
print(s.readable(), s.writable(), s.seekable(), s.line_buffering, s.newlines, s.closed)

# writing: overwrite, extend, gaps are filled with NUL
s = io.StringIO()
print(s.write("abc"), s.write("\u20ac\U0001f600"), repr(s.getvalue()), s.tell())
s.seek(1)
s.write("Z")
print(repr(s.getvalue()))
s.seek(10)
s.write("!")
print(repr(s.getvalue()))
print(s.seek(0, 2), s.seek(0, 1), s.seek(3), repr(s.read(2)))
print(s.truncate(2), repr(s.getvalue()), s.tell())
print(s.truncate(), repr(s.getvalue()))

# newline modes
for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO(newline=nl)
    s.write("a\nb\r\nc\rd")
    v = s.getvalue()
    s.seek(0)
    print(repr(nl), repr(v), s.readlines(), s.newlines)
s = io.StringIO("x\r\ny", newline=None)
print(repr(s.getvalue()), s.newlines)
s = io.StringIO("one\r\ntwo\rthree\n", newline="")
print([line for line in s])
print([io.StringIO("a\r\nb", newline="\r\n").readline(), io.StringIO("a\rb\r", newline="\r").readlines()])

# readline with a limit
s = io.StringIO("abcdef\nxyz")
print(repr(s.readline(3)), repr(s.readline(100)), repr(s.readline(-1)), repr(s.readline()))

# errors
for f in [lambda: io.StringIO(3), lambda: io.StringIO(newline=3), lambda: io.StringIO(newline="x"),
          lambda: s.write(b"bytes"), lambda: s.seek(-1), lambda: s.seek(1, 1), lambda: s.seek(0, 5),
          lambda: s.truncate(-1), lambda: s.read("x")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

s.close()
for f in [s.read, s.getvalue, s.tell, lambda: s.write("x"), s.readable, lambda: s.newlines, s.flush, s.isatty,
          lambda: next(s), s.__enter__, lambda: s.closed]:
    try:
        print(f())
    except ValueError as e:
        print(type(e).__name__, e)

u = io.StringIO.__new__(io.StringIO)
for f in [u.read, lambda: u.closed, u.close]:
    try:
        print(f())
    except ValueError as e:
        print(type(e).__name__, e)

s = io.StringIO("state", newline="\r\n")
s.read(2)
st = s.__getstate__()
print(st[:3], st[3])
t = io.StringIO()
t.__setstate__(("abc\r\n", "\r\n", 1, {"x": 2}))
print(repr(t.read()), t.x)

with io.StringIO("ctx") as s:
    print(s.read())
print(s.closed)

class Bracketed(io.StringIO):
    def readline(self, size=-1):
        line = super().readline(size)
        return "<" + line + ">" if line else line
print(list(Bracketed("a\nb\n")))
print(isinstance(io.StringIO(), io.TextIOBase), io.StringIO().encoding, io.StringIO().errors)
