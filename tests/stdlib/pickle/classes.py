import pickle, copyreg, collections

class Plain:
    def __init__(self, a): self.a = a
    def __eq__(self, o): return type(o) is type(self) and o.__dict__ == self.__dict__
    def __repr__(self): return f'Plain({self.__dict__})'

class WithReduce:
    def __init__(self, x): self.x = x
    def __reduce__(self): return (WithReduce, (self.x * 2,))
    def __repr__(self): return f'WithReduce({self.x})'

class WithState:
    def __init__(self): self.a, self.b = 1, 2
    def __getstate__(self): return {'a': self.a}
    def __setstate__(self, st): self.__dict__.update(st); self.restored = True
    def __repr__(self): return f'WithState({sorted(self.__dict__.items())})'

class Slotted:
    __slots__ = ('p', 'q')
    def __init__(self): self.p = 1; self.q = [2]
    def __repr__(self): return f'Slotted({self.p}, {self.q})'

class NewArgs(int):
    def __new__(cls, v, tag): o = int.__new__(cls, v); o.tag = tag; return o
    def __getnewargs__(self): return (int(self), self.tag)

class MyList(list): pass
class MyDict(dict): pass
Point = collections.namedtuple('Point', 'x y')

for proto in range(6):
    r = [pickle.loads(pickle.dumps(v, proto)) for v in
         [Plain(5), WithReduce(3), WithState(), Slotted() if proto >= 2 else None, MyList([1, 2]), MyDict(a=1), Point(1, 2),
          collections.OrderedDict(a=1), collections.deque([1, 2]), collections.Counter('abca')]]
    n = pickle.loads(pickle.dumps(NewArgs(7, 'seven'), proto))
    print(proto, r, type(r[4]).__name__, type(r[5]).__name__, n, n.tag)

# recursion and sharing
a = [1]; a.append(a)
for proto in range(6):
    b = pickle.loads(pickle.dumps(a, proto))
    print(proto, b[0], b[1] is b)
d = {}; d['self'] = d
print(pickle.loads(pickle.dumps(d))['self'] is not None)
shared = [1, 2]
t = pickle.loads(pickle.dumps([shared, shared]))
print(t[0] is t[1])
p = Plain(None); p.a = p
q = pickle.loads(pickle.dumps(p, 2)); print(q.a is q)

# copyreg
class Custom:
    def __init__(self, v): self.v = v
copyreg.pickle(Custom, lambda c: (Custom, (c.v + 1,)))
print(pickle.loads(pickle.dumps(Custom(1))).v)

# reduce_ex
class RE:
    def __reduce_ex__(self, proto): return (str, ('proto%d' % proto,))
for proto in range(6):
    print(pickle.loads(pickle.dumps(RE(), proto)))
