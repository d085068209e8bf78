# Pattern and Match objects: attributes, methods, reprs, comparisons, copying.
import copy
import re

p = re.compile(r"(?P<first>\w+) (?P<last>\w+)(?P<opt>!)?")
print(p.pattern, p.flags, p.groups, p.groupindex, type(p.groupindex).__name__)
print(type(re.compile("a").groupindex).__name__, re.compile("a").groupindex)
m = p.search("Hi: Jane Doe.")
print(m)
print(m.group(), m.group(0), m.group(1), m.group("last"), m.group(1, "last", 0), m.group("opt"))
print(m[0], m[1], m["first"], m[True])
print(m.groups(), m.groups("-"), m.groupdict(), m.groupdict(default=0))
print(m.start(), m.end(), m.span(), m.start(2), m.end("last"), m.span("opt"), m.start(3))
print(m.string, m.re is p, m.pos, m.endpos, m.lastindex, m.lastgroup, m.regs)
print(m.expand(r"\g<last>, \g<first>! \2 \g<0>"), m.expand(b"x" and r"[\1]"))
print(copy.copy(m) is m, copy.deepcopy(m) is m, copy.copy(p) is p, copy.deepcopy(p) is p)
print(bool(m), type(m).__name__, type(m).__module__, type(p).__name__, type(p).__module__, type(m) is re.Match)
for bad in [5, -1, "nope", 1.5, None, 2**70]:
    try:
        m.group(bad)
    except IndexError as e:
        print("IndexError", e)
for meth in ("start", "end", "span"):
    try:
        getattr(m, meth)(7)
    except IndexError as e:
        print(meth, "IndexError", e)
try:
    m.group([])
except TypeError as e:
    print("TypeError", e)

# lastindex / lastgroup follow the last group closed
for pattern, text in [("(a)(b)", "ab"), ("(a)|(b)", "b"), ("((a)(b))", "ab"), ("(?P<x>a)(?P<y>b)?", "a"),
                      ("(?P<x>a(?P<y>b))", "ab"), ("a", "a"), ("(a)?b", "b")]:
    mm = re.match(pattern, text)
    print(pattern, mm.lastindex, mm.lastgroup, mm.regs)

# pos and endpos
p2 = re.compile(r"\w+")
print(p2.match("ab cd", 3), p2.match("ab cd", 1, 2), p2.search("ab cd", 2), p2.search("ab cd", -5, 100))
print(p2.search("abcd", 3, 1), p2.fullmatch("ab cd", 3), p2.fullmatch("abcd", 1, 3), p2.findall("ab cd ef", 1, 7))
print(re.compile("^a").search("ba", 1), re.compile("(?m)^a").search("b\na", 1), re.compile("a$").search("ab", 0, 1))
print(re.compile(r"\bb").search("ab", 1), re.compile("(?<=a)b").search("ab", 1))
m2 = p2.search("xx yy", 1, 4)
print(m2, m2.pos, m2.endpos, m2.string)

# reprs
print(repr(re.compile("a")), repr(re.compile("a", re.I | re.M)), repr(re.compile(b"a+", re.S)))
print(repr(re.compile("x" * 300))[-30:], repr(re.compile("(?x)a")), repr(re.compile("a", re.A)))
print(repr(re.compile("a", re.U)), repr(re.compile(b"a", re.L)), repr(re.compile("a", re.X | re.DEBUG if False else 0)))
print(re.match(".*", "y" * 100))
print(re.match(".*", "'\"\n"))
print(re.match(b".*", b"\x00\xff"))

# comparisons and hashing
a, b, c = re.compile("a+"), re.compile("a+"), re.compile("a+", re.I)
print(a == b, a != b, a == c, hash(a) == hash(b), a == "a+", re.compile(b"a") == re.compile("a"))
try:
    a < b
except TypeError as e:
    print("TypeError", e)
print(re.match("a", "a") == re.match("a", "a"))

# types are not instantiable, generic aliases work
for t in (re.Pattern, re.Match):
    try:
        t()
    except TypeError as e:
        print("TypeError", e)
print(re.Pattern[str], re.Match[bytes])

# scanner
sc = re.compile(r"\d").scanner("a1b22")
print(sc.pattern.pattern, sc.search(), sc.search(), sc.match(), sc.search(), sc.search(), sc.search())
sc2 = re.compile(r"a|").scanner("aab")
print([sc2.match() for _ in range(5)])

# argument errors
for call in [lambda: p.match(), lambda: p.match("a", "x"), lambda: p.match(5), lambda: p.match("a", pos=1, bogus=2),
             lambda: p.sub("x"), lambda: p.split("a", maxsplit="2"), lambda: re.compile(b"a").match("a"),
             lambda: re.compile("a").search(b"a"), lambda: p.findall(None), lambda: m.groups(1, 2),
             lambda: re.compile(5), lambda: re.compile(re.compile("a"), re.I)]:
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(p.match(string="Jo Li"), p.search("a b", pos=0, endpos=3))
print(re.compile(re.compile("ab")).pattern, re.purge(), re.escape("a.b*c\n"), re.escape(b"a.b"))
