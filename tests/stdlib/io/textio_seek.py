import io
import os

path = "/tmp/spindle_test_io_textio_seek.txt"
text = "abc\n\xe9t\xe9\nwide \u20ac\U0001f600 chars\r\nlast line"

with open(path, "w", encoding="utf-8", newline="") as f:
    print(f.tell(), f.write(text), f.tell())
    f.seek(0)
    print(f.tell())

with open(path, encoding="utf-8", newline="") as f:
    positions = []
    while True:
        pos = f.tell()
        line = f.readline()
        if not line:
            break
        positions.append((pos, line))
    print(positions, f.tell())
    for pos, line in reversed(positions):
        f.seek(pos)
        print(pos, f.readline() == line)

# tell() in the middle of decoded text, then seek back to it
with open(path, encoding="utf-8") as f:
    cookies = []
    while True:
        c = f.tell()
        ch = f.read(1)
        if not ch:
            break
        cookies.append((c, ch))
    print([c for c, _ in cookies])
    for c, ch in cookies[::3]:
        f.seek(c)
        print(c, repr(f.read(1)) == repr(ch), end="; ")
    print()
    f.seek(0)
    f.read(5)
    c = f.tell()
    rest = f.read()
    f.seek(c)
    print(f.read() == rest)

# a small chunk size makes the decoder state matter
with open(path, encoding="utf-8") as f:
    f._CHUNK_SIZE = 2
    seen = []
    while True:
        c = f.tell()
        ch = f.read(1)
        if not ch:
            break
        seen.append(c)
    print(seen)
    f.seek(seen[8])
    print(repr(f.read(4)))

# universal newlines: "\r\n" read as "\n"
with open(path, encoding="utf-8") as f:
    lines = f.readlines()
    print(lines, f.newlines, f.tell())

# whence
with open(path, encoding="utf-8") as f:
    f.read(3)
    print(f.seek(0, 1) == f.tell(), f.seek(0, 2), f.read(), f.seek(0), f.read(3))
    for args in [(1, 1), (-1, 2), (0, 3), (-5,)]:
        try:
            f.seek(*args)
        except (ValueError, OSError) as e:
            print(type(e).__name__, e)

# next() disables tell() until the end of the file
with open(path, encoding="utf-8") as f:
    next(f)
    try:
        f.tell()
    except OSError as e:
        print(type(e).__name__, e)
    for _ in f:
        pass
    print(f.tell())

# appending and writing after reading
with open(path, "a", encoding="utf-8") as f:
    print(f.tell())
    f.write("\nappended")
    print(f.tell())
with open(path, "r+", encoding="utf-8") as f:
    f.readline()
    f.write("X")
    f.seek(0)
    print(repr(f.read()))

# not seekable
class Pipe(io.BytesIO):
    def seekable(self):
        return False
t = io.TextIOWrapper(Pipe(b"x"))
for f in [t.tell, lambda: t.seek(0)]:
    try:
        f()
    except io.UnsupportedOperation as e:
        print(type(e).__name__, e)
os.remove(path)
