class D(dict):
    def __getitem__(self, k):
        print("getitem", k)
        return super().__getitem__(k)
    def __setitem__(self, k, v):
        print("setitem", k, v)
        super().__setitem__(k, v)
    def __contains__(self, k):
        print("contains", k)
        return super().__contains__(k)
    def keys(self):
        print("keys called")
        return super().keys()

d = D(a=1)
d["b"] = 2
print(d["a"], d.get("a"), d.get("zz"), "a" in d, d.setdefault("c", 3))
d.update({"e": 5})
print(sorted(d.items()), len(d), dict(d) == {"a": 1, "b": 2, "c": 3, "e": 5})
print(sorted(dict(d)), sorted({**d}))

def f(**kw): return sorted(kw.items())
print(f(**d))

# dict() constructor from a dict subclass with keys() override
class K(dict):
    def keys(self):
        return ["x"]
    def __getitem__(self, k):
        return "val-" + k
k = K(a=1)
print(dict(k), {**k}, dict(**k) if False else "")

# a non-dict mapping uses keys() and __getitem__
class Mapping:
    def keys(self): return ["m", "n"]
    def __getitem__(self, k): return k * 2
print(dict(Mapping()), {**Mapping()}, f(**Mapping()))
dd = {}
dd.update(Mapping())
print(dd)

# __iter__ override on dict subclass
class It(dict):
    def __iter__(self):
        return iter(["fake"])
it = It(a=1)
print(list(it), list(it.keys()), len(it), sorted(dict(it)))

# dict subclass equality / repr / attributes
class Attr(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
a = Attr(x=1)
print(a.x, a, repr(a), a == {"x": 1})
try:
    a.y
except AttributeError as e:
    print(type(e).__name__, e)

# fromkeys returns subclass
print(type(D.fromkeys("ab")).__name__)
# copy returns plain dict
print(type(d.copy()).__name__, type(d | {}).__name__)

# __eq__ override
class AlwaysEq(dict):
    def __eq__(self, o): return True
    __hash__ = None
print(AlwaysEq() == {"q": 1}, {"q": 1} == AlwaysEq())
