class Acc:
    def __init__(self, v): self.v = v
    def __iadd__(self, o):
        self.v += o
        return self
    def __add__(self, o):
        return Acc(self.v + o + 1000)
    def __repr__(self): return f"Acc({self.v})"

a = Acc(1)
b = a
a += 5
print(a, a is b)

class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyAdd(self.v + o)
    def __repr__(self): return f"OnlyAdd({self.v})"
x = OnlyAdd(1)
y = x
x += 2
print(x, y, x is y)

class NIInplace:
    def __init__(self): self.log = []
    def __imul__(self, o):
        return NotImplemented
    def __mul__(self, o):
        return "fallback mul"
n = NIInplace()
n *= 3
print(n)

class Radd:
    def __radd__(self, o): return "radd used"
z = 5
z += Radd()
print(z)

class NoIops: pass
names = ["+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="]
for nm in names:
    v = NoIops()
    try:
        exec(f"v {nm} 1", {"v": v})
    except TypeError as e:
        print(type(e).__name__, e)

# list += iterable uses __iadd__ (extend), + doesn't accept tuples
l = [1]
l2 = l
l += (2, 3)
print(l, l is l2)
try:
    l = l + (4,)
except TypeError as e:
    print(type(e).__name__, e)

# __iadd__ returning None rebinds to None
class BadI:
    def __iadd__(self, o): pass
q = BadI()
q += 1
print(q)

# inplace on attributes and subscripts calls get/set
class Holder:
    def __init__(self): self.d = {"k": 1}
    def __getitem__(self, k):
        print("getitem", k)
        return self.d[k]
    def __setitem__(self, k, v):
        print("setitem", k, v)
        self.d[k] = v
h = Holder()
h["k"] += 10
print(h.d)

# ipow with 3 args not possible; ipow fallback
class P:
    def __pow__(self, o, mod=None): return ("pow", o, mod)
p = P()
p **= 2
print(p)
