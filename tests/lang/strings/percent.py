# printf-style % formatting.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

ints = [0, 1, -1, 42, -255, 2**70, True]
for v in ints:
    print(v, ["%d" % v, "%i" % v, "%u" % v, "%x" % v, "%X" % v, "%o" % v, "%#x" % v, "%#X" % v, "%#o" % v, "%5d" % v,
              "%-5d|" % v, "%05d" % v, "%+d" % v, "% d" % v, "%+05d" % v, "%.3d" % v, "%8.3d" % v, "%-08d|" % v,
              "%#010x" % v, "%#-10x|" % v, "% #x" % v, "%+.5x" % v, "%#5o" % v, "%#05o" % v])
floats = [0.0, -0.0, 1.5, -2.5, 3.14159, 1e16, 1e-5, 123456789.0, 1e300, float("inf"), float("-inf"), float("nan"), 0.5]
for v in floats:
    print(v, ["%f" % v, "%.2f" % v, "%.0f" % v, "%e" % v, "%.3e" % v, "%E" % v, "%g" % v, "%G" % v, "%.3g" % v,
              "%#g" % v, "%#.0f" % v, "%#.0e" % v, "%10.3f" % v, "%-10.2e|" % v, "%010.2f" % v, "%+f" % v, "% .1f" % v,
              "%F" % v, "%+010.1F" % v, "%05f" % v, "%s" % v, "%r" % v])
for v in ["abc", "é😀", "", 42, None, [1], (1,), {"a": 1}, b"x", 1.5]:
    print(repr(v), ["%s" % (v,), "%r" % (v,), "%a" % (v,), "%10s|" % (v,), "%-10r|" % (v,), "%.2s" % (v,), "%5.1s|" % (v,),
                    "%.3r" % (v,)])
print("%c%c%c" % (65, "é", 0x1F600), "%5c|%-5c|" % ("x", 66), "%.2c" % "x", "%%", "%s%%" % 1, "%%s" % ())
print("%(a)s %(b)r %(a)d" % {"a": 1, "b": "x"}, "%(a)s" % {"a": [1]}, "%s" % {"a": 1}, "%(x)5.1f|" % {"x": 2.25})
print("%(a(b))s" % {"a(b)": 5}, "%()s" % {"": "empty"}, "%ld %lf %hd %Li" % (1, 2.0, 3, 4), "%*d|%-*d|" % (5, 1, 4, 2))
print("%*.*f" % (10, 2, 3.14159), "%*d|" % (-5, 3), "%.*f" % (-2, 1.5), "%.*s" % (2, "abcdef"), "%*s|" % (3, "é"))
print("%d %d" % (3.9, -3.9), "%d" % -0.0, "%x" % True, "%i" % 2**70, "%s" % b"x", "%r" % 2**100)
print("x" % [], "x" % {}, "x" % (), "%s" % [], "%s" % ((1, 2),), "%s %s" % ("a", "b"), "%s" % "y")

class Idx:
    def __index__(self):
        return 10
class IntLike:
    def __int__(self):
        return 7
class FloatLike:
    def __float__(self):
        return 2.5
print("%x %o %d" % (Idx(), Idx(), Idx()), "%d" % IntLike(), "%f %e %g" % (FloatLike(), Idx(), 3))
show("%d str", lambda: "%d" % "x")
show("%x float", lambda: "%x" % 1.5)
show("%x intlike", lambda: "%x" % IntLike())
show("%d floatlike", lambda: "%d" % FloatLike())
show("%d complex", lambda: "%d" % 1j)
show("%d nan", lambda: "%d" % float("nan"))
show("%d inf", lambda: "%d" % float("inf"))
show("%d None", lambda: "%d" % None)
show("%i list", lambda: "%i" % [])
show("%o float", lambda: "%o" % 1.0)
show("%f str", lambda: "%f" % "x")
show("%e list", lambda: "%e" % [])
show("%c str", lambda: "%c" % "ab")
show("%c float", lambda: "%c" % 1.5)
show("%c neg", lambda: "%c" % -1)
show("%c big", lambda: "%c" % 0x110000)
show("%c huge", lambda: "%c" % 2**100)
show("too few", lambda: "%s %s" % (1,))
show("too many", lambda: "%s" % (1, 2))
show("not all", lambda: "x" % 1)
show("not all str", lambda: "x" % "y")
show("mapping required", lambda: "%(a)s" % 1)
show("mapping required tuple", lambda: "%(a)s" % ([1],))
show("missing key", lambda: "%(a)s" % {})
show("unsupported", lambda: "%y" % 1)
show("unsupported wide", lambda: "%\u1234" % 1)
show("unsupported control", lambda: "%\x01" % 1)
show("unsupported no args", lambda: "%y" % ())
show("incomplete", lambda: "%" % ())
show("incomplete width", lambda: "%5" % 1)
show("incomplete key", lambda: "%(a" % {"a": 1})
show("incomplete after key", lambda: "%(a)" % {"a": 1})
show("star str", lambda: "%*d" % ("x", 1))
show("star prec str", lambda: "%.*d" % ("x", 1))
show("star missing", lambda: "%*d" % (5,))
show("key star", lambda: "%(a)*d" % {"a": 1})
show("mixed key positional", lambda: "%(a)s%s" % {"a": 1})
show("list as mapping", lambda: "%(a)s" % [1])
show("two lengths", lambda: "%lld" % 1)
show("mod non-str", lambda: 5 % "x")
show("rmod", lambda: str.__rmod__("%s", "x"))
show("__mod__ direct", lambda: "%s-%s".__mod__((1, 2)))
class S(str):
    pass
print(type("%s" % S("a")).__name__, "%s" % S("abc"), "%r" % S("q"), type(S("%s") % 1).__name__)
class R(str):
    def __rmod__(self, other):
        return "R.__rmod__"
print("%s" % R("x"), "x" % R("y"))
big = "%s," * 5000
print(len(big % tuple(range(5000))))
show("percent with width", lambda: "%5%" % (1,))
show("percent with width no args", lambda: "%5%" % ())
show("percent after key", lambda: "%(a)%" % {"a": 1})
