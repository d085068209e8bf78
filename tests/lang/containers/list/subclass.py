# list subclasses
class L(list):
    pass

l = L([3, 1, 2])
print(l, type(l).__name__, len(l), isinstance(l, list))
print(type(l + [1]).__name__, type(l * 2).__name__, type(l[:]).__name__, type(l.copy()).__name__)
l += [9]; print(l, type(l).__name__)
l *= 2; print(l, type(l).__name__)
l.sort(); print(l)
print(l == [1, 1, 2, 2, 3, 3, 9, 9], [1] < L([2]))
print(repr(L()), str(L([1])))

class Logged(list):
    def __init__(self, *args):
        print('init', args)
        super().__init__(*args)
    def append(self, x):
        print('append', x)
        super().append(x)
    def __getitem__(self, i):
        r = super().__getitem__(i)
        print('getitem', i, r)
        return r
    def __len__(self):
        return super().__len__() + 100
    def __iter__(self):
        print('iter')
        return super().__iter__()
    def __repr__(self):
        return 'Logged' + super().__repr__()

g = Logged([1, 2])
g.append(3)
print(g[0], g[-1], g[1:])
print(len(g), list(g), repr(g))
print(sorted(g))
x, y, z = g
print(x, y, z)

class WithAttrs(list):
    __slots__ = ('tag',)
w = WithAttrs([1])
w.tag = 'x'
print(w, w.tag)

class D(list):
    def __eq__(self, o): return 'eq!'
    def __lt__(self, o): return 'lt!'
print(D() == [], [] == D(), D() < [], [] > D())

class KW(list):
    def __init__(self, it=(), *, extra=None):
        super().__init__(it)
        self.extra = extra
k = KW([1], extra=5)
print(k, k.extra)
try:
    list([], extra=1)
except TypeError as e:
    print(e)

class Missing(list):
    def __getitem__(self, i):
        if isinstance(i, int) and i >= len(self) + 100:
            raise IndexError
        return super().__getitem__(i)
print(Missing([1, 2])[1])

class Rev(list):
    def __reversed__(self):
        return iter(['r'])
print(list(reversed(Rev([1, 2]))))
print(list.__len__(L([1, 2, 3])), list.__getitem__(L([4, 5]), 1))
print(list.__add__([1], [2]), list.__mul__([1], 3), list.__contains__([1], 1))
print(list.__iadd__([1], [2]), list.__imul__([1], 2))
print([].__class__, L.__mro__)
print(list.__init__ is L.__init__, hash(L) == hash(L))
ll = L([1, 2, 3])
del ll[0]; print(ll)
ll[0] = 'a'; print(ll)
ll[1:] = 'bc'; print(ll)
print(ll.pop(), ll.index('b'), ll.count('a'))
class Plain(list): pass
class PlainT(tuple): pass
class TN(tuple):
    def __new__(cls, *a, **k): return super().__new__(cls, *a)
for f in [lambda: Plain(x=1), lambda: PlainT(x=1), lambda: TN([1], x=1), lambda: Plain([1], [2]), lambda: PlainT([1], [2])]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
