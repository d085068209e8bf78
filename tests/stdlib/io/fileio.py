import io
import os

path = "/tmp/spindle_test_io_fileio.bin"

f = io.FileIO(path, "w")
print(f.mode, f.readable(), f.writable(), f.seekable(), f.closefd, f.name == path, f.closed, f.isatty())
print(f.write(b"hello world"), f.tell())
print(f.seek(6), f.write(b"WORLD"), f.seek(0, 2), f.seek(-5, 2), f.seek(1, 1))
try:
    f.read()
except io.UnsupportedOperation as e:
    print(type(e).__name__, e)
print(f.truncate(8), f.tell())
f.close()
print(f.closed, repr(f)[-9:] == "[closed]>")
f.close()
for op in [f.read, f.tell, f.fileno, f.readable, f.isatty, f.seekable, lambda: f.write(b"x")]:
    try:
        op()
    except ValueError as e:
        print(type(e).__name__, e)

with io.FileIO(path) as f:
    print(f.mode, f.read(3), f.read(), f.read(), f.tell())
    f.seek(0)
    buf = bytearray(5)
    print(f.readinto(buf), buf, f.readall())
    try:
        f.write(b"x")
    except io.UnsupportedOperation as e:
        print(type(e).__name__, e)
    try:
        f.truncate()
    except io.UnsupportedOperation as e:
        print(type(e).__name__, e)

for mode in ["r+", "rb+", "a", "ab+", "w+"]:
    with io.FileIO(path, mode) as f:
        print(mode, f.mode, f.readable(), f.writable(), f.tell())

with io.FileIO(path, "a") as f:
    f.write(b"!")
with io.FileIO(path, "rb") as f:
    print(f.readall())

# an existing file with "x"
try:
    io.FileIO(path, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.filename == path)

# bad modes and arguments
for args in [(path, "rw"), (path, "rr"), (path, "z"), (path, ""), (path, "++r"), (path, "b")]:
    try:
        io.FileIO(*args)
    except ValueError as e:
        print(type(e).__name__, e)
for bad in [-1, 1.5, None, [1]]:
    try:
        io.FileIO(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    io.FileIO(path, closefd=False)
except ValueError as e:
    print(type(e).__name__, e)
try:
    io.FileIO("/nonexistent_dir/x")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    io.FileIO("/tmp")
except IsADirectoryError as e:
    print(type(e).__name__, e)
try:
    io.FileIO(path + "\0x")
except ValueError as e:
    print(type(e).__name__, e)

# wrapping a descriptor without owning it
raw = io.FileIO(path, "r")
fd = raw.fileno()
g = io.FileIO(fd, "r", closefd=False)
print(repr(g) == "<_io.FileIO name=%d mode='rb' closefd=False>" % fd, g.read(5))
g.close()
print(raw.read(5), raw.closed)
raw.close()

# opener
seen = []
def opener(name, flags):
    seen.append(name)
    return os.open(name, flags)
with io.FileIO(path, "r", opener=opener) as f:
    print(f.read(5), seen == [path])
try:
    io.FileIO(path, "r", opener=lambda n, fl: "x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    io.FileIO(path, "r", opener=lambda n, fl: -5)
except ValueError as e:
    print(type(e).__name__, e)

# RawIOBase.read through readinto
with io.FileIO(path) as f:
    print(io.RawIOBase.read(f, 4), f.read(-1))
os.remove(path)
