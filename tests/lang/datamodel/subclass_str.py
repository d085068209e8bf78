class Tagged(str):
    def __new__(cls, s, tag=None):
        o = super().__new__(cls, s)
        o.tag = tag
        return o
    def shout(self):
        return self + "!"

t = Tagged("hi", "greeting")
print(t, t.tag, t.shout(), type(t.shout()).__name__, len(t), t[0], type(t[0]).__name__, t * 2, type(t * 2).__name__)
print(t == "hi", hash(t) == hash("hi"), {t: 1}["hi"], "h" in t, repr(t), str(t), type(str(t)).__name__)
print("".join([t, t]), type("".join([t])).__name__, f"{t}", f"{t!r}", "%s" % t)

class Upper(str):
    def __str__(self):
        return "UPPER"
    def __repr__(self):
        return "Upper()"
    def __len__(self):
        return 99
    def __getitem__(self, i):
        return "item"
    def __iter__(self):
        return iter("xyz")
    def __contains__(self, x):
        return True
u = Upper("abc")
print(str(u), repr(u), len(u), u[0], list(u), "q" in u, u + "d", "%s" % u, f"{u}", format(u))
print(print.__name__, u == "abc")

# string concatenation with subclass on right with __radd__
class RAdd(str):
    def __radd__(self, other):
        return "radd:" + other
print("x" + RAdd("y"))

# comparison overrides
class CaseInsensitive(str):
    def __eq__(self, o):
        return str.__eq__(self.casefold() if hasattr(str, "casefold") else self, o)
    __hash__ = str.__hash__
print(CaseInsensitive("abc") == "abc")

# str subclass as dict key and attribute names
class Key(str): pass
d = {Key("a"): 1}
print(d["a"], list(d)[0].__class__.__name__)
class Obj: pass
o = Obj()
setattr(o, Key("attr"), 5)
print(o.attr, getattr(o, Key("attr")))

# empty str subclass
e = Tagged("")
print(repr(e), bool(e), e.tag)
