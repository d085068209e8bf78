# replace, translate, maketrans.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

for t in ["", "a", "abc", "aaaa", "abcabcabc", "éaéa", "😀x😀", "\u1234a\u1234"]:
    for old, new in [("", "-"), ("a", ""), ("a", "b"), ("a", "xyz"), ("ab", "ba"), ("abc", ""), ("é", "e"), ("a", "é"),
                     ("a", "😀"), ("😀", "y"), ("\u1234", "z"), ("aa", "a"), ("zz", "y"), ("", "")]:
        print(repr(t), repr(old), repr(new), [t.replace(old, new, c) for c in (-1, 0, 1, 2, 100)])
show("replace kw", lambda: "a".replace("a", "b", count=1))
show("replace 1 arg", lambda: "a".replace("a"))
show("replace bad old", lambda: "a".replace(1, "x"))
show("replace bad new", lambda: "a".replace("a", None))
show("replace bad count", lambda: "a".replace("a", "b", "c"))
show("replace float count", lambda: "a".replace("a", "b", 1.0))
show("replace huge count", lambda: "a".replace("a", "b", 2**100))
big = "ab" * 50000
print(len(big.replace("a", "xyz")), big.replace("ab", "")[:5], len(big.replace("b", "", 10)), big.replace("ba", "c").count("c"))

table = {ord("a"): "A", ord("b"): None, ord("c"): ord("C"), ord("é"): "e\u0301", 0x1F600: "smile"}
for t in ["abcabc", "xyz", "", "é😀a", "bbb"]:
    print(repr(t), repr(t.translate(table)))
print(repr("abc".translate(str.maketrans("abc", "xyz"))), repr("abcd".translate(str.maketrans("ab", "ba", "d"))))
print(repr("hello".translate(str.maketrans({"h": "J", "l": None}))), repr("abc".translate([None, "x"] * 60)))
class Table:
    def __getitem__(self, k):
        if k == ord("a"):
            return "AA"
        if k == ord("b"):
            raise LookupError
        if k == ord("c"):
            raise IndexError
        raise KeyError(k)
print(repr("abcd".translate(Table())))
show("translate bad value", lambda: "a".translate({97: b"x"}))
show("translate float", lambda: "a".translate({97: 1.5}))
show("translate range", lambda: "a".translate({97: 0x110000}))
show("translate negative", lambda: "a".translate({97: -1}))
show("translate non-table", lambda: "a".translate(1))
show("translate raises", lambda: "a".translate({}.__class__.fromkeys.__func__ if False else ZeroDivisionError))
class Bad:
    def __getitem__(self, k):
        raise ValueError("boom")
show("translate error", lambda: "a".translate(Bad()))
show("translate noarg", lambda: "a".translate())

print(str.maketrans("ab", "cd", "e"), str.maketrans({"a": "xyz", 98: None, 99: 5}), str.maketrans({}))
print(sorted(str.maketrans("é😀", "e:").items()))
show("maketrans none", lambda: str.maketrans())
show("maketrans int", lambda: str.maketrans(1))
show("maketrans key", lambda: str.maketrans({1.5: 2}))
show("maketrans long key", lambda: str.maketrans({"ab": 2}))
show("maketrans unequal", lambda: str.maketrans("a", "bc"))
show("maketrans bad y", lambda: str.maketrans("a", 1))
show("maketrans bad x", lambda: str.maketrans(1, "a"))
show("maketrans bad z", lambda: str.maketrans("a", "b", 3))
show("maketrans dict with y", lambda: str.maketrans({"a": 1}, "b"))
show("maketrans kw", lambda: str.maketrans(x={}))
show("maketrans 4", lambda: str.maketrans("a", "b", "c", "d"))
print("".maketrans("a", "b"))

class S(str):
    pass
print(type(S("abc").replace("x", "y")).__name__, type(S("abc").replace("a", "y")).__name__,
      type(S("abc").translate({})).__name__)
for t, old, new in [("éaéa", "é", "e"), ("éa", "é", ""), ("aé", "aé", "x"), ("\u1234a", "\u1234", "b"), ("😀a", "😀", "é"),
                    ("ab", "b", ""), ("x", "x", "é")]:
    r = t.replace(old, new)
    print(repr(r), r.isascii(), r == "".join(list(r)), hash(r) == hash("".join(list(r))), r.translate({}).isascii())
