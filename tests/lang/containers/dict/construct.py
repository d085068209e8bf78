# dict construction, equality, repr, ordering
def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

print(dict(), dict(a=1, b=2), dict({'x': 1}, y=2), dict([('k', 'v')]), dict(zip('abc', range(3))))
print(dict({'a': 1}, a=2), dict([('a', 1), ('a', 2)]), dict(**{'q': 1}))
err(dict, 1)
err(dict, [1, 2])
err(dict, {}, {})
err(dict, [('a',)])
err(dict, [(1, 2, 3)])
err(dict, 'ab')
err(dict, ['ab'])
def kw(**k): return k
print(kw(a=1, b=2), dict(**kw(c=3)))
print({**{'a': 1}, 'b': 2, **{'a': 3}})
err(lambda: {**[]})
err(lambda: {**{1: 2}, **5})
print({k: v for k, v in [(1, 2), (3, 4)]}, {k: k * 2 for k in range(4) if k % 2})
# equality
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} == {2: 2}, {} == {}, {1: 2} != {1: 2}, {1: 2} == [(1, 2)])
print({1: 2, 3: 4} == {3: 4, 1: 2}, {1: [1]} == {1: [1]})
err(lambda: {} < {})
err(lambda: {} <= {})
err(lambda: {} > {1: 2})
# repr
print(repr({}), repr({1: 'a', 'b': [2], (3,): {4: 5}}), str({None: True}))
d = {}; d['self'] = d; print(d)
d = {1: []}; d[1].append(d); print(d)
class R:
    def __repr__(self): return 'R()'
print({R(): R()})
class BadRepr:
    def __repr__(self): raise ValueError('no repr')
err(repr, {1: BadRepr()})
# ordering after deletions and re-insertions
d = {}
for i in range(10):
    d[i] = i
for i in range(0, 10, 2):
    del d[i]
print(d, list(d))
d[0] = 'back'; d[3] = 'kept place'; print(d)
for i in range(100, 200):
    d[i] = i
for i in range(100, 195):
    del d[i]
print(d)
d = dict.fromkeys('abcdef'); del d['c']; d['c'] = 1; d.pop('a'); d['a'] = 2; print(list(d))
d = {'x': 1, 'y': 2}; d['x'] = 3; print(d)
# popitem LIFO
d = {i: i * i for i in range(5)}
print([d.popitem() for _ in range(3)], d)
d[10] = 1; print(d.popitem(), d)
d = {}
for i in range(20): d[i] = 0
for i in range(15): del d[i]
print(d.popitem(), d.popitem(), d)
# copy preserves order
d = {3: 'c', 1: 'a', 2: 'b'}; del d[1]; d[1] = 'A'; print(d.copy(), dict(d), {**d})
# large dicts
d = {i: str(i) for i in range(10000)}
print(len(d), d[9999], d[0], sum(d), 5000 in d, 10000 in d)
for i in range(0, 10000, 3):
    del d[i]
print(len(d), list(d)[:5], list(d)[-3:], sum(d))
for i in range(20000, 30000):
    d[i] = i
print(len(d), list(d)[-1], d.get(29999))
d2 = dict(d); print(d2 == d, len(d2))
s = {}
for i in range(1000):
    s[str(i)] = i
    if i % 3 == 0:
        del s[str(i)]
print(len(s), list(s)[:4], s.get('998'), s.get('999'))
# floats and big ints as keys
d = {2**70: 'big', -1: 'neg', 1.5: 'f', float('inf'): 'inf'}
print(d[2**70], d[-1], d[1.5], d[float('inf')], d)
print({-1: 1, -2: 2}, {hash(-1): 1})
