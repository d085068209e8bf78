# find/rfind/index/rindex/count/startswith/endswith/in, across storage widths.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

texts = ["", "a", "abcabcabc", "aaaaaa", "hello world", "éàéàé", "xαβγαβγy", "😀a😀b😀", "ab\u1234ab\U0001F600ab",
         "mississippi", "abababababc"]
needles = ["", "a", "ab", "abc", "b", "é", "à", "αβγ", "γ", "😀", "😀b", "\u1234", "ss", "issi", "z", "ababc", "aa"]
for t in texts:
    for n in needles:
        r = [t.find(n), t.rfind(n), t.count(n), n in t, t.startswith(n), t.endswith(n)]
        for a, b in [(1, None), (-3, None), (2, -1), (None, 4), (-100, 100), (5, 2), (len(t), None), (len(t) + 1, None)]:
            r.append((t.find(n, a, b), t.rfind(n, a, b), t.count(n, a, b), t.startswith(n, a, b), t.endswith(n, a, b)))
        print(repr(t), repr(n), r)

show("index", lambda: "abc".index("c"))
show("index missing", lambda: "abc".index("d"))
show("rindex missing", lambda: "abc".rindex("d", 1))
show("index range", lambda: "abcabc".index("a", 1, 4))
show("rindex", lambda: "abcabc".rindex("a"))
show("huge", lambda: "abc".find("b", 2**100))
show("neg huge", lambda: "abc".find("b", -2**100))
show("huge end", lambda: "abc".find("b", 0, 2**100))
show("bool idx", lambda: "abc".find("b", True))

class Idx:
    def __index__(self):
        return 1
show("__index__", lambda: "abc".find("a", Idx()))
show("float idx", lambda: "abc".find("a", 1.0))
show("str idx", lambda: "abc".count("a", "1"))
show("no args", lambda: "abc".find())
show("too many", lambda: "abc".rfind("a", 1, 2, 3))
show("kw", lambda: "abc".count(sub="a"))
show("non str", lambda: "abc".find(1))
show("non str rindex", lambda: "abc".rindex(None))
show("contains int", lambda: 1 in "abc")
show("tuple prefix", lambda: "hello".startswith(("x", "he")))
show("tuple suffix", lambda: "hello".endswith(("lo", 1)))
show("tuple bad first", lambda: "hello".endswith((1, "lo")))
show("empty tuple", lambda: "hello".startswith(()))
show("bad prefix", lambda: "hello".startswith(["he"]))
show("bad suffix", lambda: "hello".endswith(None))
show("startswith empty at end", lambda: ("abc".startswith("", 3), "abc".startswith("", 4), "abc".endswith("", 3, 2)))
show("count empty", lambda: ("abc".count(""), "abc".count("", 1), "abc".count("", 4), "".count(""), "abc".count("", -1)))
show("find empty", lambda: ("abc".find("", 3), "abc".find("", 4), "abc".rfind(""), "abc".rfind("", 1, 2)))

class S(str):
    pass
show("subclass", lambda: (S("abcabc").find(S("c")), "abcabc".count(S("bc")), S("x") in S("xyz")))

# Long texts: the result must come quickly and agree.
big = "a" * 100000 + "b"
show("long find", lambda: big.find("a" * 1000 + "b"))
show("long rfind", lambda: big.rfind("a" * 1000))
show("long count", lambda: big.count("aa"))
wide = "\u1234" * 50000 + "x" + "\u1234" * 50000
show("wide find", lambda: wide.find("\u1234" * 500 + "x"))
show("wide rfind", lambda: wide.rfind("x" + "\u1234" * 500))
show("wide count", lambda: wide.count("\u1234\u1234"))
periodic = "ab" * 50000
show("periodic", lambda: (periodic.find("ab" * 300 + "c"), periodic.rfind("ba" * 300), periodic.count("abab")))
astral = "😀" * 30000 + "😁" + "😀" * 30000
show("astral", lambda: (astral.find("😀" * 100 + "😁"), astral.rfind("😁" + "😀" * 100), astral.count("😀😀😀")))
mixed = "é" * 1000 + "ab" + "é" * 1000
show("latin1 text, ascii needle", lambda: (mixed.find("ab"), mixed.rfind("éa"), mixed.count("éé")))
show("needle wider than text", lambda: ("abc".find("\u1234"), "abc".rfind("😀"), "é".count("😀")))
