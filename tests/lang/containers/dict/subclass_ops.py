# dict subclasses, | and |=, fromkeys on subclasses, copy semantics
def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

a = {'x': 1, 'y': 2}
b = {'y': 3, 'z': 4}
print(a | b, b | a, a, b)
c = a.copy(); c |= b; print(c)
c |= [('w', 0)]; print(c)
c |= {}; print(c)
err(lambda: a | [('q', 1)])
err(lambda: a | 1)
def ior():
    d = {}
    d |= 5
err(ior)
def ior2():
    d = {}
    d |= [1]
err(ior2)

class D(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.note = 'made'
print(type(D(a=1) | {}).__name__, type({} | D(a=1)).__name__, type(D(a=1).copy()).__name__)
d = D(a=1); d |= {'b': 2}; print(type(d).__name__, d, d.note)
f = D.fromkeys('ab', 0); print(type(f).__name__, f, f.note)

class Logged(dict):
    def __setitem__(self, k, v):
        print('set', k, v)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        print('get', k)
        return super().__getitem__(k)
    def keys(self):
        print('keys')
        return super().keys()
lg = Logged.fromkeys([1, 2], 'v'); print(lg)
lg = Logged(x=1)            # dict.__init__ does not call __setitem__
lg.update(y=2)              # neither does update
lg['z'] = 3
print(dict(lg), {**lg})     # nor dict() of a subclass that keeps dict's __iter__
print(lg.get('z'), lg.setdefault('q', 0))

class IterOverride(dict):
    def __iter__(self):
        print('iter')
        return iter(['a'])
    def __getitem__(self, k):
        return 'from getitem'
    def keys(self):
        print('keys called')
        return ['a']
io = IterOverride(a=1, b=2)
print(dict(io), {}.update(io), list(io))
x = {}; x.update(io); print(x)

class Fk(dict):
    def __new__(cls, *a):
        print('new', a)
        return super().__new__(cls)
print(Fk.fromkeys('xy'))

class NotADict:
    def __init__(self): self.d = {}
    def __setitem__(self, k, v): self.d[k] = v
print(dict.fromkeys.__func__ if False else 'fromkeys on non-dict class:')
try:
    print(dict.fromkeys.__self__)
except AttributeError as e:
    print('AttributeError')

# __eq__ of subclasses
class E(dict):
    def __eq__(self, o): return 'E.eq'
print(E() == {}, {} == E(), E() != {})
# __repr__ override and nested
class RR(dict):
    def __repr__(self): return 'RR' + super().__repr__()
print(RR(a=RR(b=1)), [RR()])
# dict(**kw) and keyword names
print(dict(a=1, **{'b': 2}), dict({'a': 0}, **{'a': 1}))
def f(**kw): return kw
print(f(**{'x': 1}, y=2))
# setdefault on subclass with __missing__ does not call __missing__
class M(dict):
    def __missing__(self, k): return 'missing'
m = M(); print(m.setdefault('a', 1), m['zz'], m)
# popitem on a big dict pops in LIFO order quickly
big = {i: i for i in range(50000)}
total = 0
while big:
    k, v = big.popitem()
    total += k
print(total)
big = {i: i for i in range(10)}
big.popitem(); big[100] = 1; print(big.popitem(), big.popitem())
