class OnlyRepr:
    def __repr__(self): return "OnlyRepr()"
class OnlyStr:
    def __str__(self): return "only-str"
class Both:
    def __repr__(self): return "both-repr"
    def __str__(self): return "both-str"
o, s, b = OnlyRepr(), OnlyStr(), Both()
print(str(o), repr(o), str(b), repr(b), str(s))
print(repr(s)[:17] == "<__main__.OnlyStr", [o, b], (b,), {1: b})
print("%s %r" % (b, b), f"{b!s} {b!r} {b}")

class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class BadStr:
    def __str__(self): return None
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(BadStr())
except TypeError as e:
    print(type(e).__name__, e)

# repr returning str subclass is accepted
class MyStr(str): pass
class SubRepr:
    def __repr__(self): return MyStr("sub")
r = repr(SubRepr())
print(r, type(r).__name__)
class SubStr:
    def __str__(self): return MyStr("substr")
r = str(SubStr())
print(r, type(r).__name__)

# recursion in repr through containers
l = [1]
l.append(l)
print(l)
d = {}
d["self"] = d
print(d)

# str of exception / classes
print(str(Both), repr(Both), str(int), repr(None), str(NotImplemented))

# ascii uses repr
class Uni:
    def __repr__(self): return "ü"
print(ascii(Uni()), repr(Uni()))

# __repr__ on instance ignored
b.__repr__ = lambda: "instance"
print(repr(b))

# str of str subclass returns exact str
class S2(str):
    def __str__(self): return "overridden"
print(str(S2("x")), type(str(S2("x"))).__name__, repr(S2("x")))

# default repr form
class Plain: pass
p = repr(Plain())
print(p[:18], p[-1])
class Outer:
    class Inner: pass
print(repr(Outer.Inner())[:25])
