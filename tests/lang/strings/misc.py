# Construction, concatenation, repetition, comparison, hashing, join, encode, iteration, subclasses.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

show("str()", lambda: str())
show("str(1)", lambda: str(1))
show("str(bytes)", lambda: str(b"abc"))
show("str(bytes, enc)", lambda: str(b"caf\xc3\xa9", "utf-8"))
show("str(bytearray)", lambda: str(bytearray(b"x"), "ascii"))

show("str(enc only)", lambda: str(encoding="ascii"))
show("str(errors kw)", lambda: str(b"a", errors="strict"))
show("str(str, errors)", lambda: str("a", errors="strict"))
show("str(1, 2)", lambda: str(1, 2))
show("str(bytes, enc, 2)", lambda: str(b"a", "utf-8", 2))
show("str(int, enc)", lambda: str(1, "utf-8"))
show("str 4 args", lambda: str(1, 2, 3, 4))
show("str bad kw", lambda: str(x=1))
show("str bad bytes", lambda: str(b"\xff", "utf-8"))
show("str bad ascii", lambda: str(b"\xff", "ascii"))
show("str replace", lambda: str(b"a\xffb", "utf-8", "replace"))
show("str ignore", lambda: str(b"a\xffb", "ascii", "ignore"))
show("str latin1", lambda: str(b"\xe9\xff", "latin-1"))
show("str object kw", lambda: str(object=5))

show("encode", lambda: "café".encode())
show("encode ascii", lambda: "abc".encode("ascii"))
show("encode latin", lambda: "café".encode("latin-1"))
show("encode ascii err", lambda: "café".encode("ascii"))
show("encode latin err", lambda: "\u1234".encode("latin-1"))
show("encode surrogate", lambda: "\ud800".encode())
show("encode replace", lambda: "café\u1234".encode("ascii", "replace"))
show("encode ignore", lambda: "café".encode("ascii", errors="ignore"))
show("encode xml", lambda: "café😀".encode("ascii", "xmlcharrefreplace"))
show("encode backslash", lambda: "café\u1234😀".encode("latin-1", "backslashreplace"))
show("encode surrogatepass", lambda: "\ud800".encode("utf-8", "surrogatepass"))
show("encode surrogateescape", lambda: "a\udcff".encode("utf-8", "surrogateescape"))
show("encode bad enc type", lambda: "a".encode(1))
show("encode bad errors type", lambda: "a".encode("utf-8", 1))
show("encode too many", lambda: "a".encode("a", "b", "c"))
show("encode kw", lambda: "a".encode(encoding="ascii", errors="strict"))
show("encode UTF8 spelling", lambda: "é".encode("UTF8"))

print("ab" + "cd", "é" + "a", "a" + "😀", "" + "", "x" * 3, 3 * "é", "ab" * 0, "ab" * -1, "😀" * 2)
show("add int", lambda: "a" + 1)
show("radd int", lambda: 1 + "a")
show("mul str", lambda: "a" * "b")
show("mul float", lambda: "a" * 1.5)
show("mul huge", lambda: "a" * (2**62))
show("mul bigint", lambda: "a" * (2**100))
class Twice:
    def __rmul__(self, other):
        return other + other
    def __radd__(self, other):
        return "radd:" + other
print("ab" * Twice(), "x" + Twice())
s = ""
for i in range(2000):
    s += "é" if i % 7 == 0 else "ab"
print(len(s), s.count("é"), s[:10], s[-10:])
parts = []
for i in range(1000):
    parts.append(str(i))
print(len("".join(parts)), ",".join(parts[:5]), "😀".join(["a", "b"]), "".join([]), "-".join(("x",)), ", ".join(iter(["p", "q"])))
print("".join(["é", "a", "\u1234", "😀"]), "ab".join("xyz"), "".join(x for x in "abc"), "".join({"k": 1}))
show("join int", lambda: "a".join(1))
show("join list int", lambda: "a".join(["x", 1]))
show("join bytes", lambda: "".join(["a", b"x"]))
show("join noarg", lambda: "a".join())
show("join gen error", lambda: "".join(int(x) for x in "1a"))
class S(str):
    pass
print(type("".join([S("x")])).__name__, type(S("-").join(["a", "b"])).__name__, type("".join(["x"])).__name__)

print("a" < "b", "a" < "ab", "ab" < "b", "é" > "z", "\uffff" < "\U00010000", "Z" < "a", "abc" == "abc", "abc" != "abd",
      "a" <= "a", "b" >= "a", sorted(["b", "a", "é", "\u1234", "\U00012345", "A", "", "aa"]))
show("lt int", lambda: "a" < 1)
show("eq int", lambda: "a" == 1)
print(hash("abc") == hash("abc"), hash("abc") == hash(b"abc"), hash("é") == hash(b"\xe9"), hash("") == hash(b""),
      hash(S("abc")) == hash("abc"), {"a": 1}[S("a")], len({"x", S("x")}))
print("abc"[0], "abc"[-1], "abc"[1:], "abc"[::-1], "abcdef"[::2], "é😀x"[1], "é😀x"[::-1], "abc"[10:], "abc"[-100:1])
show("index error", lambda: "abc"[3])
show("index float", lambda: "abc"[1.5])
show("index huge", lambda: "abc"[2**100])
print(list("é😀x"), list(reversed("abc")), len("😀é"), "a" in "abc", "" in "abc", "é" in "café", "ab" not in "ba")
it = iter("abc")
print(type(it).__name__, type(iter("é")).__name__, type(iter(S("a"))).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it))

print("abc".__getnewargs__(), type(S("x").__getnewargs__()[0]).__name__, "abc".__sizeof__(), "".__sizeof__(),
      "é".__sizeof__(), "\u1234".__sizeof__(), "\U00012345ab".__sizeof__(), S("abc").__sizeof__())
show("getnewargs arg", lambda: "a".__getnewargs__(1))
show("sizeof arg", lambda: "a".__sizeof__(1))
print(str.__len__("abc"), str.__contains__("abc", "b"), str.__getitem__("abc", 1), str.__add__("a", "b"),
      str.__mul__("a", 3), str.__rmul__("a", 2), str.__mod__("%s!", 1), str.__rmod__("%s!", "x") if False else "")
print("ab".__mod__(()), "%s".__rmod__(5), str.__lt__("a", "b"), str.__eq__("a", 1), str.__hash__("") == hash(""))
show("descriptor", lambda: str.upper(1))
show("join descriptor", lambda: str.join(1, []))
show("rmod", lambda: str.__rmod__("%s", "x"))

class Named(str):
    def __new__(cls, value, extra):
        self = super().__new__(cls, value)
        self.extra = extra
        return self
n = Named("hello", 42)
print(n, n.extra, n.upper(), type(n.upper()).__name__, n == "hello", len(n), n[1], repr(n), str(n), type(str(n)).__name__)
class Upper(str):
    def __str__(self):
        return self.upper()
    def __repr__(self):
        return "Upper(" + str.__repr__(self) + ")"
u = Upper("abc")
print(str(u), repr(u), "%s|%r" % (u, u), f"{u}|{u!r}|{u!s}", "{}|{!r}".format(u, u), format(u), format(u, ">5"))
print(str(Upper), isinstance(u, str), issubclass(Upper, str), str.__str__(u), type(str.__str__(u)).__name__)

it = iter("héllo")
next(it)
print(it.__reduce__(), it.__length_hint__())
it.__setstate__(3)
print(list(it), it.__reduce__(), it.__length_hint__())
it2 = iter("abc")
it2.__setstate__(-5)
print(next(it2))
it2.__setstate__(100)
print(list(it2), iter("xy").__reduce__())
