import io
import os

path = "/tmp/spindle_test_io_textio_codecs.txt"

# Encodings other than UTF-8, ASCII and Latin-1 go through the codecs registry.
for enc in ["utf-16", "utf-16-be", "utf-32", "cp1252", "koi8-r", "utf-8-sig", "iso8859-15"]:
    text = "line \u20ac\nzwei\n" if enc != "koi8-r" else "\u0436\u0437\n\u0438\n"
    with open(path, "w", encoding=enc) as f:
        f.write(text)
        print(enc, f.encoding, f.tell() > 0)
    with open(path, "rb") as f:
        raw = f.read()
    with open(path, encoding=enc) as f:
        first = f.readline()
        pos = f.tell()
        rest = f.read()
        f.seek(pos)
        print(raw, repr(first), repr(rest), f.read() == rest)

# A BOM is written once, at the start only.
with open(path, "w", encoding="utf-16") as f:
    f.write("a")
    f.write("b")
with open(path, "a", encoding="utf-16") as f:
    f.write("c")
with open(path, "rb") as f:
    print(f.read())
with open(path, encoding="utf-16") as f:
    print(repr(f.read()))

t = io.TextIOWrapper(io.BytesIO(), encoding="utf-16-le", errors="replace")
t.write("x\ud800y")
t.flush()
print(t.buffer.getvalue(), t.errors)
t = io.TextIOWrapper(io.BytesIO("caf\xe9".encode("cp1252")), encoding="cp1252")
print(repr(t.read()), t.newlines)
for enc in ["rot13", "no-such"]:
    try:
        io.TextIOWrapper(io.BytesIO(), encoding=enc)
    except LookupError as e:
        print(type(e).__name__, e)
os.remove(path)
