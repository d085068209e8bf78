import io

def wrapper(data=b"", **kw):
    return io.TextIOWrapper(io.BytesIO(data), **kw)

t = wrapper(b"line one\nline two\r\nline three\rlast")
print(t.encoding, t.errors, t.line_buffering, t.write_through, t.newlines, t.readable(), t.writable(), t.seekable())
print(repr(t.readline()), repr(t.readline()), t.newlines)
print(t.readlines(), t.newlines)
print(repr(t.read()), repr(t.readline()))

for nl in [None, "", "\n", "\r", "\r\n"]:
    t = wrapper(b"a\nb\r\nc\rd", newline=nl)
    print(repr(nl), [line for line in t], t.newlines)
    t = wrapper(newline=nl)
    t.write("x\ny\r\nz")
    t.flush()
    print(repr(nl), t.buffer.getvalue())

# reading in pieces, and multi-byte characters split across chunks
t = wrapper("h\xe9llo w\u20acrld \U0001f600!".encode("utf-8") if False else b"h\xc3\xa9llo w\xe2\x82\xacrld \xf0\x9f\x98\x80!")
t._CHUNK_SIZE = 3
print(t._CHUNK_SIZE, repr(t.read(2)), repr(t.read(5)), repr(t.read()))
for bad in [0, -1]:
    try:
        t._CHUNK_SIZE = bad
    except ValueError as e:
        print(type(e).__name__, e)

# encodings and errors
t = wrapper(b"caf\xe9", encoding="latin-1")
print(repr(t.read()), t.encoding)
t = wrapper(b"caf\xe9 \xff", encoding="ascii", errors="replace")
print(repr(t.read()))
t = wrapper(b"caf\xe9", encoding="utf-8")
try:
    t.read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
t = wrapper(b"caf\xe9", encoding="utf-8", errors="surrogateescape")
print(ascii(t.read()))
t = wrapper(encoding="ascii", errors="xmlcharrefreplace")
t.write("caf\xe9 \u20ac")
t.flush()
print(t.buffer.getvalue())
t = wrapper(encoding="ascii")
try:
    t.write("\xe9")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)

# pending output reaches the buffer on flush, line buffering or write_through
t = wrapper()
t.write("abc")
print(t.buffer.getvalue())
t.flush()
print(t.buffer.getvalue())
t = wrapper(line_buffering=True)
t.write("no newline")
print(t.buffer.getvalue())
t.write(" then\n")
print(t.buffer.getvalue())
t = wrapper(write_through=True)
t.write("through")
print(t.buffer.getvalue())

# reconfigure
t = wrapper()
t.reconfigure(line_buffering=True)
print(t.line_buffering)
t.write("a\n")
print(t.buffer.getvalue())
t.reconfigure(encoding="latin-1", newline="\r\n")
t.write("\xe9\n")
t.flush()
print(t.buffer.getvalue(), t.encoding, t.errors)
t.reconfigure(errors="replace")
print(t.encoding, t.errors)
t = wrapper(b"x\ny")
t.read(1)
try:
    t.reconfigure(encoding="latin-1")
except io.UnsupportedOperation as e:
    print(type(e).__name__, e)
t.reconfigure(write_through=True)
print(t.write_through)

# detach
t = wrapper(b"data")
b = t.detach()
print(b.read(), t.buffer)
for f in [t.read, lambda: t.write("x"), t.tell, lambda: t.name, t.fileno]:
    try:
        f()
    except ValueError as e:
        print(type(e).__name__, e)
print(repr(t))

# argument errors
for kw in [dict(encoding=3), dict(errors=3), dict(newline=3), dict(newline="x"), dict(encoding="no-such-codec"),
           dict(encoding="utf\0-8")]:
    try:
        wrapper(**kw)
    except (TypeError, ValueError, LookupError) as e:
        print(type(e).__name__, e)

# closed and unsupported operations
t = wrapper(b"x")
t.close()
print(t.closed, t.buffer.closed)
for f in [t.read, lambda: t.write("x"), t.readline, t.tell, t.flush]:
    try:
        f()
    except ValueError as e:
        print(type(e).__name__, e)
t.close()
r = io.TextIOWrapper(io.BufferedReader(io.BytesIO(b"ro")))
try:
    r.write("x")
except io.UnsupportedOperation as e:
    print(type(e).__name__, e)
w = io.TextIOWrapper(io.BufferedWriter(io.BytesIO()))
try:
    w.read()
except io.UnsupportedOperation as e:
    print(type(e).__name__, e)
try:
    wrapper().write(b"bytes")
except TypeError as e:
    print(type(e).__name__, e)

# repr, name and mode
t = wrapper()
print(repr(t))
t.mode = "w"
print(repr(t))
print(isinstance(t, io.TextIOBase), issubclass(io.TextIOWrapper, io.IOBase))

class Mine(io.TextIOWrapper):
    pass
m = Mine(io.BytesIO(b"sub\nclass\n"))
print(repr(m), list(m))
