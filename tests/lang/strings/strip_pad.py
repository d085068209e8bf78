# strip family, padding, zfill, expandtabs, removeprefix/removesuffix.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

for t in ["", "  ", " a ", "\t\n a b \r\x0b\x0c", "\u3000x\u2003", "xxhixx", "éaé", "😀a😀"]:
    print(repr(t), repr(t.strip()), repr(t.lstrip()), repr(t.rstrip()), repr(t.strip("x")), repr(t.strip("xé😀 ")),
          repr(t.lstrip(None)), repr(t.rstrip("")))
for w in [-1, 0, 1, 2, 3, 4, 5, 6, 7, 10]:
    for t in ["", "a", "ab", "abc", "é"]:
        print(w, repr(t), repr(t.center(w)), repr(t.center(w, "*")), repr(t.ljust(w, "é")), repr(t.rjust(w, "😀")),
              repr(t.zfill(w)))
for t in ["42", "-42", "+42", "--1", "", "-", "abc", "é"]:
    print(repr(t), [t.zfill(w) for w in range(0, 7)])
for t in ["a\tb", "\t", "ab\tcd\tef", "a\nb\tc\r\td", "12345678\tx", "\t\t", "é\tà"]:
    print(repr(t), repr(t.expandtabs()), repr(t.expandtabs(4)), repr(t.expandtabs(0)), repr(t.expandtabs(-1)),
          repr(t.expandtabs(tabsize=1)), repr(t.expandtabs(3)))
for t in ["prefix_body_suffix", "", "pre", "body"]:
    print(repr(t), repr(t.removeprefix("prefix_")), repr(t.removesuffix("_suffix")), repr(t.removeprefix("")),
          repr(t.removesuffix(t)), repr(t.removeprefix(t + "x")))

show("center noarg", lambda: "a".center())
show("center 3 args", lambda: "a".center(1, 2, 3))
show("center str width", lambda: "a".center("x"))
show("center long fill", lambda: "a".center(5, "ab"))
show("center int fill", lambda: "a".center(5, 1))
show("center kw", lambda: "a".center(x=1))
show("ljust huge", lambda: "a".ljust(2**63))
show("rjust float", lambda: "a".rjust(3.0))
show("zfill noarg", lambda: "a".zfill())
show("zfill str", lambda: "a".zfill("3"))
show("strip int", lambda: "a".strip(1))
show("lstrip 2", lambda: "a".lstrip("a", "b"))
show("rstrip bytes", lambda: "a".rstrip(b"a"))
show("expandtabs str", lambda: "a".expandtabs("x"))
show("expandtabs 2", lambda: "a".expandtabs(1, 2))
show("expandtabs huge", lambda: "a".expandtabs(2**62))
show("removeprefix int", lambda: "a".removeprefix(1))
show("removesuffix none", lambda: "a".removesuffix(None))

class S(str):
    pass
s = S("abc")
for r in [s.strip(), s.lstrip("x"), s.center(2), s.ljust(3), s.rjust(1), s.zfill(3), s.expandtabs(), s.removeprefix("x"),
          s.removesuffix("c"), s.center(5)]:
    print(type(r).__name__, r)
