import codecs

text = "a\xe9\u20ac\U0001f600\U000e0100b"
for enc in ["ascii", "latin-1", "cp1252", "utf-16-le"]:
    print(enc, text.encode(enc, "namereplace"))
e = UnicodeEncodeError("ascii", "a\xe9\u20acb", 1, 3, "bad")
print(codecs.namereplace_errors(e), codecs.lookup_error("namereplace")(e))
try:
    codecs.namereplace_errors(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"))
except TypeError as e:
    print(type(e).__name__, e)
print(b"\\N{EURO SIGN} \\N{latin small letter a}".decode("unicode_escape"))
for bad in [b"\\N{NO SUCH NAME}", b"\\N{", b"\\Nx", b"\\N{}"]:
    try:
        bad.decode("unicode_escape")
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
