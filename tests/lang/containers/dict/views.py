# dict views: set operations, comparisons, isdisjoint, mapping, repr
def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

d = {1: 'a', 2: 'b', 3: 'c'}
e = {2: 'b', 3: 'x', 4: 'd'}
k, ke = d.keys(), e.keys()
print(k & ke, k | ke, k - ke, k ^ ke, ke - k)
print(k & {1, 5}, {1, 5} & k, k | [7, 8], [8, 7] | k, k - [1], {1, 2, 9} - k, k ^ (3, 5), (3, 5) ^ k)
print(type(k & ke).__name__, type(k | ke).__name__, type({1} - k).__name__)
i, ie = d.items(), e.items()
print(sorted(i & ie), sorted(i | ie), sorted(i - ie), sorted(i ^ ie))
print(sorted(i & {(1, 'a'), (9, 9)}), sorted(i - [(1, 'a')]))
err(lambda: k & 5)
err(lambda: 5 & k)
err(lambda: k | None)
err(lambda: i & [[1]])
err(lambda: d.values() & d.values())
print(k == {1, 2, 3}, k == {1, 2}, k != {1, 2}, k < {1, 2, 3, 4}, k <= {1, 2, 3}, k > {1}, k >= {1, 2, 3, 4})
print(k == [1, 2, 3], k == ke, k == d.keys(), {1, 2, 3} == k, frozenset([1, 2, 3]) == k)
print(i == {(1, 'a'), (2, 'b'), (3, 'c')}, i == i, i == e.items(), i < {(1, 'a'), (2, 'b'), (3, 'c'), (0, 0)})
print({1: []}.items() == {1: []}.items(), {1: []}.items() == {1: [0]}.items())
err(lambda: {1: []}.items() == {(1, 2)})
print(d.values() == d.values(), d.values() == list(d.values()))
err(lambda: k < [1])
print(k.isdisjoint({5, 6}), k.isdisjoint([1]), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()), i.isdisjoint([(1, 'a')]), i.isdisjoint({(1, 'b')}))
err(k.isdisjoint, 5)
err(k.isdisjoint)
print(k.mapping, i.mapping, d.values().mapping, type(k.mapping).__name__, k.mapping[1])
err(lambda: k.mapping.__setitem__(1, 2))
print(repr(k), repr(i), repr(d.values()), repr({}.keys()), repr({}.items()))
r = {}
r[1] = r.items(); print(r)
r = {}
r[1] = r.values(); print(r)
print(len(k), len(i), len(d.values()), 2 in k, 9 in k, (2, 'b') in i, (2, 'x') in i, [2, 'b'] in i, 'b' in d.values())
err(lambda: [] in k)
err(lambda: ([], 1) in i)
print(list(k), list(i), list(d.values()))
d[4] = 'd'; print(k, i)  # views are live
del d[1]; print(list(k), len(i))
print(hash(k) == hash(k) if False else 'views unhashable:')
err(hash, k)
print(type(hash(d.values())).__name__)
# views of subclasses
class D(dict): pass
dd = D(a=1)
print(dd.keys(), dd.items(), dd.values(), dd.keys() == {'a'})
# reversed views
print(list(reversed({1: 2, 3: 4}.items())), list(reversed({}.keys())))
# sets built from views keep CPython's order
big = {i: i for i in range(20)}
print(big.keys() & set(range(0, 40, 3)), set(range(0, 40, 3)) & big.keys(), big.keys() - set(range(5, 15)), big.keys() ^ set(range(15, 25)))
print(big.keys() | range(30, 35))
