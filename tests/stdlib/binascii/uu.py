import binascii

def err(f, *args, **kw):
    try:
        print("ok", f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)

for data in (b"", b"a", b"hi", b"abc", b"\x00\x00\x00abc", b"hello world", bytes(range(45)), bytearray(b"ba")):
    line = binascii.b2a_uu(data)
    print(line, binascii.b2a_uu(data, backtick=True), binascii.a2b_uu(line) == bytes(data), binascii.a2b_uu(line.decode()) == bytes(data))
for line in (b"", b" ", "\n", b"#86)C", b"#86)C   \n", b"#86)C``", b"#86)Cx", b"#8\x016)C", b"\x7f", b"!", b"%:&5L;&\\`"):
    err(binascii.a2b_uu, line)
err(binascii.b2a_uu, b"x" * 46)
err(binascii.b2a_uu, "text")
err(binascii.a2b_uu, 3)
import codecs
print(codecs.encode(b"hello uu", "uu"), codecs.decode(codecs.encode(b"hello uu", "uu"), "uu"))
