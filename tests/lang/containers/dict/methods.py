# dict methods and their error messages
def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('a', 9), d.setdefault('c'), d)
print(d.setdefault('d', []), d)
err(d.get)
err(d.get, 1, 2, 3)
err(d.get, k=1)
err(d.setdefault)
print(d.pop('c'), d.pop('zz', 'dflt'), d)
err(d.pop, 'zz')
err(d.pop)
err(d.pop, 1, 2, 3)
print(d.popitem(), d.popitem(), d)
err({}.popitem)
err(d.popitem, 1)
d = {1: 1}
d.clear(); print(d)
err(d.clear, 1)
d = {'x': [1]}
c = d.copy(); c['x'].append(2); c['y'] = 0; print(d, c)
err(d.copy, 1)
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict.fromkeys(range(3), []), dict.fromkeys(()))
err(dict.fromkeys)
err(dict.fromkeys, 1)
err(dict.fromkeys, [], 1, 2)
err(dict.fromkeys, [[]])
print({}.fromkeys('ab'))
d = {'a': 1}
d.update({'b': 2}); d.update([('c', 3)]); d.update(e=5); d.update({'a': 0}, f=6); d.update(); print(d)
d.update((('g', 7),), g=8); print(d)
err(d.update, 1)
err(d.update, [1])
err(d.update, [(1, 2, 3)])
err(d.update, [(1,)])
err(d.update, ['ab', 'cde'])
err(d.update, {}, {})
err(d.update, [('a', 1), 5])
class Mapping:
    def keys(self): return ['k1', 'k2']
    def __getitem__(self, k): return k * 2
d = {}; d.update(Mapping()); print(d)
print(dict(Mapping()))
class BadKeys:
    def keys(self): return 5
err(dict, BadKeys())
class KeysRaise:
    def keys(self): raise RuntimeError('keys!')
err(dict, KeysRaise())
class GetRaise:
    def keys(self): return [1]
    def __getitem__(self, k): raise KeyError(k)
err(dict, GetRaise())
# keys(), values(), items()
d = {'a': 1, 'b': 2, 'c': 3}
print(d.keys(), d.values(), d.items())
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
err(d.keys, 1)
print(len(d.keys()), 'a' in d.keys(), 1 in d.values(), ('a', 1) in d.items(), ('a', 2) in d.items(), 'a' in d.items())
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
print(reversed(d).__class__.__name__, reversed(d.values()).__class__.__name__, reversed(d.items()).__class__.__name__)
print(iter(d).__class__.__name__, iter(d.values()).__class__.__name__, iter(d.items()).__class__.__name__)
print(type(d.keys()).__name__, type(d.values()).__name__, type(d.items()).__name__)
# __contains__, __getitem__, __delitem__ messages
err(lambda: d['zz'])
err(lambda: d[[]])
err(lambda: {}[(1, [2])])
err(lambda: [] in d)
def delit(k):
    del d[k]
err(delit, 'zz')
err(delit, 'a')
print(d)
print(d.__contains__('b'), d.__len__(), d.__sizeof__() > 0)
err(lambda: hash({}))
# KeyError repr of tuple key
err(lambda: {}[(1, 2)])
err(lambda: {}[()])
err(lambda: {}.pop((1,)))
# get with unhashable
err({}.get, [])
err({}.setdefault, {})
err({}.pop, [], 1)
print({1: 2}.get(1.0), {1: 2}.get(True), {True: 'a'}.get(1))
d = {1: 'int'}; d[1.0] = 'float'; d[True] = 'bool'; print(d)
print({0: 0, False: 1, 0.0: 2, -0.0: 3})
print(dict.__class_getitem__(int), dict[str, int])
