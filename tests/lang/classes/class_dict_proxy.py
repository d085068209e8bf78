class A:
    x = 1
    def f(self): pass

d = A.__dict__
print(type(d).__name__)
print(d["x"], "f" in d, "zzz" in d, d.get("zzz", "dflt"))
print(sorted(k for k in d if k[:2] != "__"))
try:
    d["x"] = 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    del d["x"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.y = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    A.__dict__ = {}
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)

A.y = 5
print("y" in d, d["y"])
print(len(d) == len(dict(d)))
print(sorted(d.keys())[:3] == sorted(dict(d).keys())[:3])
print(type(d.copy()).__name__)
print(isinstance(int.__dict__["__add__"], object), type(int.__dict__["__add__"]).__name__)
try:
    d["nope"]
except KeyError as e:
    print(type(e).__name__, e)
print(d | {"z": 1} == {**dict(d), "z": 1})
