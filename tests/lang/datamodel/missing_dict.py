class D(dict):
    def __missing__(self, key):
        print("missing", key)
        return key * 2
d = D(a=1)
print(d["a"], d["bb"], d.get("zz"), "bb" in d, d)

class Default(dict):
    def __missing__(self, key):
        self[key] = v = []
        return v
dd = Default()
dd["x"].append(1)
dd["x"].append(2)
print(dd)

class RaiseMissing(dict):
    def __missing__(self, key):
        raise KeyError(f"custom {key}")
try:
    RaiseMissing()["q"]
except KeyError as e:
    print(type(e).__name__, e)

# __missing__ on plain dict instance isn't consulted
class Plain(dict): pass
p = Plain()
p.__missing__ = lambda k: 0
try:
    p["x"]
except KeyError as e:
    print(type(e).__name__, e)

# __missing__ not used by setdefault/pop
try:
    D().pop("x")
except KeyError as e:
    print(type(e).__name__, e)
print(D().setdefault("y", 5))

# __missing__ as a non-function attribute
class Callable:
    def __call__(self, *a): return ("callable", a)
class WithCallable(dict):
    __missing__ = Callable()
print(WithCallable()["k"])


# dict.__getitem__ called explicitly still uses __missing__
print(dict.__getitem__(D(), "k"))

# __missing__ defined on dict (not subclass): not consulted
try:
    {}["k"]
except KeyError as e:
    print(type(e).__name__, e)
