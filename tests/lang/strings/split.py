# split/rsplit/splitlines/partition/rpartition.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

texts = ["", " ", "a", " a ", "a b c", "  a  b  c  ", "a\tb\nc\x0bd\x0ce\x1cf\x85g\u2003h\u3000i", "a,b,,c,", ",a,", ",,",
         "aXbXXc", "é,à,ü", "αβ,γδ", "😀,😀,,😀", "abcabc", "one  two\u00a0three"]
for t in texts:
    print(repr(t), t.split(), t.rsplit(), t.split(None, 1), t.rsplit(None, 1), t.split(maxsplit=0),
          t.rsplit(maxsplit=0), t.split(","), t.rsplit(","), t.split(",", 1), t.rsplit(",", 1),
          t.split("X"), t.rsplit("XX"), t.split(",", -1), t.split(sep=",", maxsplit=2), t.rsplit(",", maxsplit=2))

lines = ["", "a", "a\n", "a\nb", "a\r\nb\rc\n", "\n\n", "a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i", "\r\n", "\r\r\n\n", "x\ny\n\n"]
for t in lines:
    print(repr(t), t.splitlines(), t.splitlines(True), t.splitlines(keepends=1))

for t in ["a=b=c", "abc", "", "=", "a==b", "éàé", "x😀y😀z"]:
    for sep in ["=", "==", "à", "😀", "abc", "x"]:
        print(repr(t), repr(sep), t.partition(sep), t.rpartition(sep))

show("empty sep", lambda: "a".split(""))
show("empty rsep", lambda: "a".rsplit(""))
show("bad sep", lambda: "a".split(1))
show("bad maxsplit", lambda: "a".split(maxsplit="x"))
show("huge maxsplit", lambda: "a b".split(None, 2**100))
show("neg maxsplit", lambda: "a b c".split(None, -5))
show("too many", lambda: "a".split(",", 1, 2))
show("bad kw", lambda: "a".split(x=1))
show("dup kw", lambda: "a".split(",", sep=","))
show("partition empty", lambda: "a".partition(""))
show("partition bad", lambda: "a".partition(None))
show("rpartition bad", lambda: "a".rpartition(1))
show("partition noarg", lambda: "a".partition())
show("splitlines bad", lambda: "a".splitlines("x"))
show("splitlines float", lambda: "a".splitlines(1.5))
show("splitlines 2 args", lambda: "a".splitlines(1, 2))

class S(str):
    pass
s = S("a b")
print([type(x).__name__ for x in s.split()], [type(x).__name__ for x in S("ab").split()],
      [type(x).__name__ for x in S("ab").split(",")], [type(x).__name__ for x in S("ab").rsplit()],
      [type(x).__name__ for x in S("ab").splitlines()], [type(x).__name__ for x in S("ab").partition("x")],
      [type(x).__name__ for x in S("ab").rpartition("x")], [type(x).__name__ for x in S("ab").partition("a")])

big = ("word " * 20000).strip()
print(len(big.split()), len(big.split(" ")), len(big.rsplit(" ", 100)), big.split(" ", 2)[:2], big.rsplit(None, 2)[1:])
print(len(("x\n" * 30000).splitlines()))
