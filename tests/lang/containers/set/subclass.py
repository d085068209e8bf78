# set/frozenset subclasses: repr, constructor errors, operator result types
def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

class S(set): pass
class F(frozenset): pass
s = S([3, 1, 2]); f = F([5, 4])
print(s, f, repr(S()), repr(F()), str(S([1])))
print(type(s | {1}).__name__, type({1} | s).__name__, type(s.copy()).__name__, type(f.copy()).__name__, type(f | f).__name__)
print(type(s & s).__name__, type(s - s).__name__, type(s ^ s).__name__, type(s.union()).__name__)
err(S, 1, 2)
err(F, 1, 2)
err(lambda: S(x=1))
err(lambda: F(x=1))
print(F() is F(), F() == frozenset(), hash(F([1, 2])) == hash(frozenset([1, 2])))
class Named(set):
    def __repr__(self): return 'Named' + super().__repr__()
n = Named([1]); n.add(n.__class__.__name__); print(n if False else sorted(map(str, n)), repr(Named()))
class Init(set):
    def __init__(self, it, tag):
        super().__init__(it)
        self.tag = tag
i = Init([1, 2], 'x'); print(i, i.tag, i.__reduce__())
class FK(frozenset):
    def __new__(cls, *args, tag=None):
        self = super().__new__(cls, *args)
        self.tag = tag
        return self
k = FK([1], tag='t'); print(k, k.tag)
# recursive repr through a list inside a set-like repr
class RS(set):
    def __repr__(self): return 'RS(' + repr(list(self)) + ')'
print(RS([(1,)]))
# eq/hash of subclass instances
class H(frozenset):
    def __hash__(self): return 42
print(hash(H([1])), {H([1]): 1}[frozenset([1])])
class E(set):
    def __eq__(self, o): return 'custom'
print(E() == set(), set() == E())
s = S(range(5)); s -= {1}; print(s, type(s).__name__)
print(S.__mro__, isinstance(f, frozenset), issubclass(F, frozenset))
