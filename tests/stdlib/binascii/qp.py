import binascii
import random

samples = [b"", b"hello", b"a=b", b"caf\xe9", b"tab\there", b"trailing space ", b"trailing tab\t", b"line one \nline two\t\n",
           b"crlf line \r\nnext\r\n", b"lone\rcr", b".\n", b"..\n", b"x\n.\n", b"under_score and space", b"\x00\x01\x7f",
           b"a" * 200, b"b" * 74 + b"=", b"c" * 75 + b"\n" + b"d" * 80, b"e" * 73 + b"\xff\xfe", b" " * 80 + b"\n"]
for data in samples:
    for kw in ({}, {"quotetabs": True}, {"istext": False}, {"header": True}):
        enc = binascii.b2a_qp(data, **kw)
        print(kw, enc, binascii.a2b_qp(enc, header=kw.get("header", False)) == data)
for text in (b"=41=42", b"=4", b"=", b"a=\nb", b"a=\r\nb", b"a= \nb", b"==41", b"=zz", b"a_b", "=e9=E9", b"soft=\r"):
    print(text, binascii.a2b_qp(text), binascii.a2b_qp(text, header=True))

rng = random.Random(2024)
alphabet = b"ab =\t\r\n._\xff\x00"
mismatch = 0
total = 0
for _ in range(300):
    data = bytes(rng.choice(alphabet) for _ in range(rng.randrange(0, 120)))
    for kw in ({}, {"quotetabs": True}, {"istext": False}, {"header": True}):
        enc = binascii.b2a_qp(data, **kw)
        total += binascii.crc32(enc)
        total += binascii.crc32(binascii.a2b_qp(enc, header=kw.get("header", False)))
print(total)
import quopri
print(quopri.encodestring(b"hello = world\t\n"), quopri.decodestring(b"hello =3D world=\n!"))
