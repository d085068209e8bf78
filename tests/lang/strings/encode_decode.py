# str.encode / str(bytes, encoding, errors) with the built-in codecs and error handlers.
def show(label, f):
    try:
        print(label, repr(f()))
    except UnicodeError as e:
        print(label, type(e).__name__, e, e.start, e.end, repr(e.object)[:30], e.reason, e.encoding)
    except Exception as e:
        print(label, type(e).__name__, e)
bad = [b"\xff", b"a\x80b", b"\xc3", b"\xc3(", b"\xe2\x82", b"\xe2\x82(", b"\xed\xa0\x80", b"\xf0\x9f\x98", b"\xf4\x90\x80\x80",
       b"\xc0\xaf", b"\xf8\x88\x80\x80\x80", b"ok\xe9t\xe9", b"\xf0\x9f\x98\x80\xff\xfe"]
for b in bad:
    for err in ["strict", "replace", "ignore", "surrogateescape", "backslashreplace", "surrogatepass"]:
        show(repr(b) + " " + err, lambda: str(b, "utf-8", err))
for b in [b"a\x80\xffb"]:
    for err in ["strict", "replace", "ignore", "surrogateescape", "backslashreplace"]:
        show(repr(b) + " ascii " + err, lambda: str(b, "ascii", err))
for s in ["a\udc80b", "\ud800\udc00", "é\u1234😀", "ab\udcffc"]:
    for enc in ["utf-8", "ascii", "latin-1"]:
        for err in ["strict", "replace", "ignore", "surrogateescape", "backslashreplace", "xmlcharrefreplace", "surrogatepass"]:
            show(repr(s) + " " + enc + " " + err, lambda: s.encode(enc, err))
show("bad handler ok", lambda: "e".encode("ascii", "bogus"))
show("many bad", lambda: "aéé\u1234b".encode("ascii"))
