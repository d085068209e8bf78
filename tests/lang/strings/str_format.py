# str.format and str.format_map.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __str__(self):
        return "(%d, %d)" % (self.x, self.y)
    def __format__(self, spec):
        return "P[" + spec + "]" if spec else str(self)

p = Point(1, 2)
show("positional", lambda: "{0} {1} {0}".format("a", "b"))
show("auto", lambda: "{} {} {}".format(1, 2.5, "x"))
show("keywords", lambda: "{name} is {age}".format(name="Bob", age=30))
show("mixed", lambda: "{} {x} {}".format(1, 2, x=3))
show("attr", lambda: "{0.x}-{0.y}".format(p))
show("item", lambda: "{0[1]} {0[0]}".format(["a", "b"]))
show("dict item", lambda: "{0[key]} {d[k2]}".format({"key": 1}, d={"k2": 2}))
show("int key str", lambda: "{0[1]}".format({1: "int", "1": "str"}))
show("nested", lambda: "{0.x.real}{1[0][1]}".format(p, [[0, 9]]))
show("chain", lambda: "{a.x[0]}".format(a=Point([5], 0)))
show("conversions", lambda: "{0!r} {0!s} {0!a} {1!a}".format("é", p))
show("conversion spec", lambda: "{!r:>10}|{!s:^9}|".format("x", p))
show("spec", lambda: "{:>8.3f}|{:<6}|{:^7}|{:+d}".format(3.14159, "ab", "c", 5))
show("nested spec", lambda: "{:{}{}}".format(3.14159, ">", 10))
show("nested spec 2", lambda: "{0:{w}.{p}f}".format(2.71828, w=10, p=3))
show("nested spec auto", lambda: "{:{}}-{}".format(1, 5, 2))
show("nested fill", lambda: "{0:{fill}{align}{width}}".format("x", fill="*", align=">", width=4))
show("custom __format__", lambda: "{0} {0:abc} {0!s:>8}".format(p))
show("escapes", lambda: "{{}} {{{0}}} }}{{".format(1))
show("literal only", lambda: "no fields here".format(1, 2, x=3))
show("empty", lambda: "".format())
show("unicode field", lambda: "{é} {ü}".format(é=1, ü=2))
show("digit index unicode", lambda: "{٠}".format("arabic zero"))
show("bool", lambda: "{} {:d} {:>5}".format(True, False, True))
show("none", lambda: "{} {!r}".format(None, None))
show("dict str", lambda: "{}".format({"a": 1}))
show("big index", lambda: "{10}".format(*range(11)))
show("negative index", lambda: "{-1}".format(1))
show("negative item", lambda: "{0[-1]}".format([1]))
show("spaces name", lambda: "{ a }".format(**{" a ": 5}))
show("colon in item", lambda: "{0[a:b]}".format({"a:b": 7}))
show("bang in item", lambda: "{0[a!b]}".format({"a!b": 8}))
show("brace in item", lambda: "{0[}]}".format({"}": 9}))

show("single }", lambda: "}".format())
show("single {", lambda: "{".format())
show("trailing {", lambda: "a{".format())
show("unterminated", lambda: "{0".format(1))
show("unterminated !", lambda: "{0!".format(1))
show("unterminated !r", lambda: "{0!r".format(1))
show("bad after conv", lambda: "{0!rx}".format(1))
show("unknown conv", lambda: "{0!x}".format(1))
show("unknown conv wide", lambda: "{0!\u1234}".format(1))
show("empty conv", lambda: "{0!}".format(1))
show("recursion", lambda: "{0:{1:{2}}}".format(1, 2, 3))
show("auto then manual", lambda: "{}{0}".format(1))
show("manual then auto", lambda: "{0}{}".format(1))
show("auto then manual nested", lambda: "{:{0}}".format(1, 2))
show("index out of range", lambda: "{1}".format(1))
show("auto out of range", lambda: "{}".format())
show("missing key", lambda: "{x}".format())
show("missing key with kwargs", lambda: "{x}".format(y=1))
show("missing attr", lambda: "{0.nope}".format(p))
show("open bracket", lambda: "{0[}".format([1]))
show("bad after ]", lambda: "{0[0]x}".format([1]))
show("empty attr", lambda: "{0.}".format(1))
show("empty item", lambda: "{0[]}".format(1))
show("brace in name", lambda: "{a{b}".format())
show("bad spec", lambda: "{0:x}".format("a"))
show("bad spec int", lambda: "{:s}".format(1))
show("too many digits", lambda: "{0:99999999999999999999}".format(1))
show("missing precision", lambda: "{0:.}".format(1.5))
show("index too big", lambda: "{99999999999999999999}".format(1))
show("not subscriptable", lambda: "{0[0]}".format(5))
show("list str index", lambda: "{0[x]}".format([1]))
show("format_map", lambda: "{a} {b[0]}".format_map({"a": 1, "b": [2]}))
show("format_map positional", lambda: "{}".format_map({}))
show("format_map index", lambda: "{0}".format_map({}))
show("format_map non-mapping", lambda: "{x}".format_map(1))
show("format_map no fields", lambda: "plain".format_map(1))
show("format_map noarg", lambda: "{x}".format_map())
show("format_map kw", lambda: "{x}".format_map(m={}))

class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
show("format_map missing", lambda: "{a} {b}".format_map(Default(a=1)))
class Mapping:
    def __getitem__(self, key):
        return key.upper()
show("format_map custom", lambda: "{hello} {world!r}".format_map(Mapping()))

class S(str):
    pass
r = S("plain").format()
print(type(r).__name__, type(S("{}").format(1)).__name__, type("{}".format(S("x"))).__name__)
class BadFormat:
    def __format__(self, spec):
        return 42
show("__format__ non-str", lambda: "{}".format(BadFormat()))
show("object spec", lambda: "{:x}".format(object()))
show("unicode literal", lambda: "é{}😀{}\u1234".format("à", 1))
print("{:,}".format(10**30), "{:_}".format(-10**12), "{:08.3f}".format(-1.5), "{:%}".format(0.125), "{0:c}{1:c}".format(72, 0x1F600))
