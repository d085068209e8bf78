class S(set):
    def add(self, x):
        print("add", x)
        super().add(x)
    def __contains__(self, x):
        print("contains", x)
        return super().__contains__(x)

s = S([1, 2])
s.add(3)
print(sorted(s), 1 in s, len(s), type(s | {4}).__name__, type(s & {1}).__name__, type(s.copy()).__name__)
s.update([5])
s |= {6}
print(sorted(s), isinstance(s, set), s == {1, 2, 3, 5, 6})
print(sorted(x for x in s), type(s - {1}).__name__)

class F(frozenset):
    def __new__(cls, *a):
        o = super().__new__(cls, *a)
        o.extra = "e"
        return o
f = F([1, 2])
print(sorted(f), f.extra, hash(f) == hash(frozenset([1, 2])), type(f | {3}).__name__, {f: 1}[frozenset([1, 2])])

class Hashable(set):
    def __hash__(self): return 0
print(hash(Hashable()), {Hashable(): 1} is not None)
try:
    hash(S())
except TypeError as e:
    print(type(e).__name__, e)

class Repr(set):
    def __repr__(self): return "Repr!"
print(repr(Repr([1])), str(Repr([1])), [Repr()])
