class S:
    def __getitem__(self, k):
        return k
    def __setitem__(self, k, v):
        print("set", k, v)
    def __delitem__(self, k):
        print("del", k)
s = S()
print(s[1], s[1:2], s[1:2:3], s[:, 1], s[...], s[1, 2], s[::], s["a"], s[None])
s[1:2] = 5
s[0, 0] = 1
del s[::2]
del s[1]

class R: pass
r = R()
for f in [lambda: r[0], lambda: r.__setitem__, lambda: 5[0], lambda: None[0]]:
    try:
        f()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    r[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del r[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1, 2)[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    del (1, 2)[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc"[0] = "x"
except TypeError as e:
    print(type(e).__name__, e)

class OnlyGet:
    def __getitem__(self, k): return k
try:
    OnlyGet()[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del OnlyGet()[0]
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)

class OnlySet:
    def __setitem__(self, k, v): pass
try:
    del OnlySet()[0]
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
try:
    OnlySet()[0]
except TypeError as e:
    print(type(e).__name__, e)

# __getitem__ on class vs instance: class subscription uses __class_getitem__
class CG:
    def __getitem__(self, k): return "inst"
try:
    CG[0]
except TypeError as e:
    print(type(e).__name__, e)

# subscription with index errors propagating
class Err:
    def __getitem__(self, k): raise IndexError("custom index error")
try:
    Err()[0]
except IndexError as e:
    print(type(e).__name__, e)

# augmented assignment on subscript calls getitem then setitem
class Aug:
    def __init__(self): self.v = {}
    def __getitem__(self, k):
        print("get", k)
        return self.v.get(k, 0)
    def __setitem__(self, k, v):
        print("set", k, v)
        self.v[k] = v
a = Aug()
a["x"] += 5
a[(1, 2)] += 1
print(a.v)
