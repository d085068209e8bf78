# tuple subclasses: construction through __new__, attributes, hashing
class T(tuple):
    pass
t = T([1, 2])
print(t, type(t).__name__, t == (1, 2), hash(t) == hash((1, 2)), isinstance(t, tuple))
print(type(t + (3,)).__name__, type(t * 2).__name__, type(t[:]).__name__, type(t[0:1]).__name__)
print(tuple(t), type(tuple(t)).__name__, tuple(t) is t)

class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
    @property
    def y(self): return self[1]
    def __repr__(self): return f'Point({self.x}, {self.y})'
p = Point(3, 4)
print(p, p.x, p.y, len(p), p + (5,), list(p), hash(p) == hash((3, 4)))
a, b = p; print(a, b)

class WithDict(tuple):
    pass
w = WithDict((1,))
w.attr = 'x'
print(w, w.attr, w.__dict__)

class Slotted(tuple):
    __slots__ = ('s',)
s = Slotted((1, 2, 3))
s.s = 5
print(s, s.s)

class Init(tuple):
    def __init__(self, it):
        print('init', it)
i = Init('ab'); print(i)

class NT(tuple):
    __slots__ = ()
    _fields = ('a', 'b')
    def __new__(cls, a, b):
        return tuple.__new__(cls, (a, b))
    a = property(lambda self: self[0])
    b = property(lambda self: self[1])
n = NT(1, 2); print(n, n.a, n.b, n._fields)
try:
    tuple.__new__(int)
except TypeError as e:
    print(e)
print(tuple.__new__(T, [9]), type(tuple.__new__(T)).__name__)
class Cmp(tuple):
    def __eq__(self, o): return 'custom'
    __hash__ = tuple.__hash__
print(Cmp() == (), () == Cmp(), hash(Cmp((1,))) == hash((1,)))
class Big(tuple): pass
b = Big(range(1000)); print(len(b), b[999], sum(b))
print(T.__mro__)
