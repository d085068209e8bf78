import codecs

print("\xe9".encode("cp1252"), "\u20ac".encode("cp1252"), b"\x80\xe9".decode("cp1252"))
print(b"\xff\xfeh\x00i\x00".decode("utf-16"), b"\xfe\xff\x00h\x00i".decode("utf-16"), b"h\x00i\x00".decode("utf-16"))
print("hi".encode("utf-16"), "hi".encode("utf-16-le"), "hi".encode("utf-16-be"), "\U0001f600".encode("utf-16-le"))
print("hi".encode("utf-32"), "hi".encode("utf-32-be"), b"\x00\x00\xfe\xff\x00\x00\x00h".decode("utf-32"))
print("caf\xe9".encode("latin-1"), "caf\xe9".encode("utf-8"), "abc".encode("ascii"), b"caf\xe9".decode("latin1"))
print("a+b \u20ac".encode("utf-7"), b"a+-b +IKw-".decode("utf-7"))
print("tab\t\u20ac\\".encode("unicode_escape"), b"\\x41\\u20ac\\n".decode("unicode_escape"))
print("\u20ac\xe9".encode("raw_unicode_escape"), b"\\u20ac\xe9".decode("raw_unicode_escape"))
print("koi8", "\u0436".encode("koi8-r"), b"\xd6".decode("koi8_r"), "\u00e9".encode("iso8859-15"), "x".encode("cp437"))

info = codecs.lookup("UTF-8")
print(info.name, info.encode("x"), info.decode(b"y"), codecs.lookup("latin_1").name, codecs.lookup("U8").name)
print(codecs.lookup("utf_16").name, codecs.lookup("Windows-1252").name, codecs.lookup(" utf-8 ").name)
for name in ["no-such-encoding", "rot13"]:
    try:
        "x".encode(name)
    except LookupError as e:
        print(type(e).__name__, e)
try:
    b"x".decode("rot13")
except LookupError as e:
    print(type(e).__name__, e)
print(codecs.encode("hello", "rot13"), codecs.decode("uryyb", "rot_13"))

enc = codecs.getincrementalencoder("utf-16")()
print(enc.encode("a"), enc.encode("b"), enc.encode("", final=True))
dec = codecs.getincrementaldecoder("utf-8")()
print(repr(dec.decode(b"\xe2\x82")), repr(dec.decode(b"\xac!")), dec.getstate())
dec = codecs.getincrementaldecoder("utf-16")()
print(repr(dec.decode(b"\xff")), repr(dec.decode(b"\xfea")), repr(dec.decode(b"\x00")))

# A search function of our own.
def search(name):
    if name == "upper_ascii":
        return codecs.CodecInfo(lambda s, errors="strict": (s.upper().encode("ascii"), len(s)),
                                lambda b, errors="strict": (bytes(b).decode("ascii").lower(), len(b)),
                                name="upper_ascii")
    return None
codecs.register(search)
print("Hello".encode("upper_ascii"), b"HELLO".decode("upper-ascii"), codecs.lookup("UPPER ASCII").name)
codecs.unregister(search)
try:
    codecs.lookup("upper_ascii_2")
except LookupError as e:
    print(type(e).__name__, e)
try:
    codecs.register(5)
except TypeError as e:
    print(type(e).__name__, e)

print(codecs.utf_8_decode(b"ab\xe2", "strict", False), codecs.utf_8_decode(b"ab"), codecs.utf_16_ex_decode(b"\xfe\xff\x00a"))
print(codecs.charmap_decode(b"\x00\x01", "strict", "xy"), codecs.charmap_encode("yx", "strict", codecs.charmap_build("xy")))
print(codecs.escape_decode(b"a\\x41\\n"), codecs.escape_encode(b"a'\x00"), codecs.readbuffer_encode("ab"))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE)
