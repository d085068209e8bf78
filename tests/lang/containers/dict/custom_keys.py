# keys with custom __eq__/__hash__, mutation from __eq__, __missing__
def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

class K:
    def __init__(self, v, h=None): self.v = v; self.h = v if h is None else h
    def __hash__(self): return self.h
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    def __repr__(self): return f'K({self.v})'

d = {K(1): 'a', K(2, 1): 'b', K(3, 1): 'c'}   # collisions
print(d[K(1)], d[K(2, 1)], d[K(3, 1)], K(4, 1) in d, len(d))
del d[K(2, 1)]
print(d, K(2, 1) in d, d.get(K(3, 1)))
d[K(2, 1)] = 'again'; print(d)
print(d == {K(1): 'a', K(3, 1): 'c', K(2, 1): 'again'})
# equal to int
class EqInt:
    def __hash__(self): return hash(5)
    def __eq__(self, o): return o == 5
d = {5: 'five'}
print(d[EqInt()], EqInt() in d)
d[EqInt()] = 'replaced'; print(d, type(list(d)[0]).__name__)
# __hash__ raising
class BadHash:
    def __hash__(self): raise RuntimeError('no hash')
err(lambda: {BadHash(): 1})
err(lambda: {}.get(BadHash()))
err(lambda: BadHash() in {})
# __eq__ raising
class BadEq:
    def __hash__(self): return 1
    def __eq__(self, o): raise ValueError('no eq')
d = {1: 'one'}
err(lambda: d[BadEq()])
err(lambda: d.__setitem__(BadEq(), 2))
err(lambda: d.pop(BadEq()))
err(lambda: d.setdefault(BadEq(), 2))
print(d)
# __eq__ that mutates the dict: must not crash or hang
class Mut:
    def __init__(self, d, v): self.d = d; self.v = v
    def __hash__(self): return 7
    def __eq__(self, o):
        self.d[object()] = 1   # grows the dict (different hash)
        return False
d = {}
m1 = Mut(d, 1); d[m1] = 'm1'
m2 = Mut(d, 2)
d[m2] = 'm2'
print(len(d) >= 2, d[m1], d[m2])
class Clearer:
    def __init__(self, d): self.d = d
    def __hash__(self): return 7
    def __eq__(self, o):
        self.d.clear()
        return False
d = {}
c1 = Clearer(d); d[c1] = 1
c2 = Clearer(d)
d[c2] = 2
print(len(d))
d = {}
c1 = Clearer(d); d[c1] = 1
print(c2 in d, d.get(Clearer(d)), len(d))
class Deleter:
    def __init__(self, d): self.d = d
    def __hash__(self): return 3
    def __repr__(self): return 'Deleter'
    def __eq__(self, o):
        for k in list(self.d):
            del self.d[k]
        return True
d = {}
d[Deleter(d)] = 1
x = Deleter(d)
err(lambda: d.pop(x))
print(len(d))
# many colliding keys
class C:
    def __init__(self, v): self.v = v
    def __hash__(self): return 42
    def __eq__(self, o): return self.v == o.v
d = {C(i): i for i in range(200)}
print(len(d), d[C(150)], sum(d[C(i)] for i in range(200)))
for i in range(0, 200, 2):
    del d[C(i)]
print(len(d), [k.v for k in d][:5])
# __missing__
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter(a=1)
print(c['a'], c['z'], 'z' in c, c.get('z'), c)
class Default(dict):
    def __missing__(self, key):
        self[key] = v = [key]
        return v
dd = Default()
dd['x'].append(1); print(dd)
class RaiseMissing(dict):
    def __missing__(self, key):
        raise LookupError('custom ' + str(key))
err(lambda: RaiseMissing()['q'])
class NoMissing(dict): pass
err(lambda: NoMissing()['q'])
# __missing__ not used by get/pop/contains
print(Counter().get('x', 'dflt'), Counter().pop('x', 'p'))
# __missing__ on an instance attribute is ignored
x = NoMissing(); x.__missing__ = lambda k: 'inst'
err(lambda: x['q'])
# str subclass keys hash/compare like their str
class S(str): pass
d = {'a': 1}; d[S('a')] = 2; print(d, type(list(d)[0]).__name__)
print({S('k'): 1}['k'])
