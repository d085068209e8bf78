import io
import os

path = "/tmp/spindle_test_io_open_modes.txt"

with open(path, "w") as f:
    print(type(f).__name__, type(f.buffer).__name__, type(f.buffer.raw).__name__, f.mode, f.buffer.mode,
          f.buffer.raw.mode, f.encoding, f.errors, f.line_buffering, f.closed)
    print(f.write("first\nsecond\n"), f.writable(), f.readable(), f.seekable())
print(f.closed, f.buffer.closed, f.buffer.raw.closed)

for mode in ["r", "rt", "tr", "rb", "r+", "r+b", "w+", "a", "ab", "a+", "wb+", "br"]:
    if "w" in mode:
        with open(path, "w") as f:
            f.write("first\nsecond\n")
    with open(path, mode) as f:
        print(mode, type(f).__name__, f.mode, getattr(f, "buffer", f).__class__.__name__, f.readable(),
              f.writable(), f.tell())

with open(path, "x" if False else "w", encoding="latin-1") as f:
    f.write("caf\xe9\n")
with open(path, "rb") as f:
    print(f.read())
with open(path, encoding="latin-1") as f:
    print(f.read(), f.encoding)

with open(path, "rb", buffering=0) as f:
    print(type(f).__name__, f.read())
with open(path, "rb", buffering=16) as f:
    print(type(f).__name__, f.read(2), f.peek(1)[:1])
with open(path, "w", buffering=1) as f:
    print(f.line_buffering)

bad = [
    dict(mode="rw"), dict(mode="rr"), dict(mode="rU"), dict(mode="U"), dict(mode="rbt"), dict(mode="wa"),
    dict(mode="b"), dict(mode=""), dict(mode="r+++"), dict(mode="rb", encoding="utf-8"),
    dict(mode="rb", errors="strict"), dict(mode="rb", newline="\n"), dict(mode="r", buffering=0),
    dict(mode="r", newline="x"), dict(mode=3), dict(mode="r", encoding=3), dict(mode="r", buffering="1"),
    dict(mode="r", errors=1), dict(mode="r", buffering=-2),
]
for kw in bad:
    try:
        open(path, **kw)
        print("opened", kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

for target in [[], None, 1.5, b"/nonexistent/x", "/nonexistent/x"]:
    try:
        open(target)
    except (TypeError, OSError) as e:
        print(type(e).__name__, e)

class P:
    def __fspath__(self):
        return path
with open(P()) as f:
    print(f.name == path, f.read())

try:
    open(path, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.filename == path)

with open(path, "rb") as f:
    fd = f.fileno()
    g = open(fd, "rb", closefd=False)
    print(g.name == fd, g.read(3))
    g.close()
    print(f.read(3))

print(io.open is open, io.open_code(path).read(), io.text_encoding("x"), io.DEFAULT_BUFFER_SIZE)
try:
    io.open_code(b"x")
except TypeError as e:
    print(type(e).__name__, e)
os.remove(path)
