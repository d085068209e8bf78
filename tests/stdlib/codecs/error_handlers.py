import codecs

def show(f):
    try:
        r = f()
    except (UnicodeError, TypeError, IndexError, LookupError) as e:
        print(type(e).__name__, e, getattr(e, "start", ""), getattr(e, "end", ""))
    else:
        print(ascii(r))

text = "a\xe9\u20ac\U0001f600b"
for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape",
               "surrogatepass"]:
    for enc in ["ascii", "latin-1", "cp1252"]:
        show(lambda: text.encode(enc, errors))

data = b"a\xe9\x80\xffb\xed\xa0\x80c\xe2\x82"
for errors in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass",
               "xmlcharrefreplace"]:
    for enc in ["ascii", "utf-8", "cp1252"]:
        show(lambda: data.decode(enc, errors))

show(lambda: "\ud800x\udcff".encode("utf-8"))
show(lambda: "\ud800x\udcff".encode("utf-8", "surrogatepass"))
show(lambda: "\ud800x\udcff".encode("utf-8", "surrogateescape"))
show(lambda: "\ud800".encode("utf-16-le", "surrogatepass"))
show(lambda: b"\x00\xd8".decode("utf-16-le", "surrogatepass"))
show(lambda: "\udcff\udc41".encode("latin-1", "surrogateescape"))
show(lambda: b"\x00\xdc\x00".decode("utf-16-le", "replace"))
show(lambda: b"\x00\x00\x11\x00\x61\x00\x00\x00".decode("utf-32-le", "replace"))

# Handlers registered from Python.
def tag(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ("<%d:%d>" % (exc.start, exc.end), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return ("[%r]" % (exc.object[exc.start:exc.end],), exc.end)
    raise TypeError("unexpected")
codecs.register_error("test.tag", tag)
show(lambda: text.encode("ascii", "test.tag"))
show(lambda: data.decode("utf-8", "test.tag"))
codecs.register_error("test.bytes", lambda e: (b"??", e.end))
show(lambda: text.encode("latin-1", "test.bytes"))
codecs.register_error("test.from_end", lambda e: ("!", -1))
show(lambda: "ab\xe9c".encode("ascii", "test.from_end"))
codecs.register_error("test.bad", lambda e: "not a tuple")
show(lambda: "\xe9".encode("ascii", "test.bad"))
codecs.register_error("test.far", lambda e: ("", 100))
show(lambda: "\xe9".encode("ascii", "test.far"))
codecs.register_error("test.unencodable", lambda e: ("\xe9", e.end))
show(lambda: "\u20ac".encode("ascii", "test.unencodable"))
show(lambda: "\xe9".encode("ascii", "no.such.handler"))
show(lambda: codecs.register_error("x", 5))

# The built-in handlers as functions.
e = UnicodeEncodeError("ascii", "a\xe9\u20acb", 1, 3, "bad")
for name in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
    print(name, codecs.lookup_error(name)(e))
d = UnicodeDecodeError("utf-8", b"a\xff\xfeb", 1, 3, "bad")
for name in ["ignore", "replace", "backslashreplace", "surrogateescape"]:
    print(name, ascii(codecs.lookup_error(name)(d)))
show(lambda: codecs.lookup_error("strict")(e))
show(lambda: codecs.lookup_error("xmlcharrefreplace")(d))
show(lambda: codecs.lookup_error("strict")("not an exception"))
show(lambda: codecs.lookup_error("surrogatepass")(UnicodeEncodeError("utf-16-be", "a\ud800", 1, 2, "x")))
show(lambda: codecs.lookup_error("surrogateescape")(UnicodeEncodeError("ascii", "\udc80\udcff", 0, 2, "x")))
print(codecs.strict_errors, codecs.ignore_errors is codecs.lookup_error("ignore"))
