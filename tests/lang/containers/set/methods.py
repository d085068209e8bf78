# set/frozenset methods, operators, comparisons, errors
def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

s = {1, 2, 3}
s.add(4); s.add(1); print(s)
s.discard(9); s.discard(1); print(s)
s.remove(2); print(s)
err(s.remove, 99)
err(s.remove, (1, 2))
err(s.add, [])
err(s.add)
err(s.add, 1, 2)
err(s.discard, {})
err(s.remove, [1])
print(s.pop(), s)
err(set().pop)
s.clear(); print(s, len(s))
s = {1, 2}
c = s.copy(); c.add(3); print(s, c, type(c).__name__)
f = frozenset([1, 2]); print(f.copy() is f, type(f.copy()).__name__)
# set as element via frozenset conversion
ss = {frozenset({1, 2}), frozenset()}
print({1, 2} in ss, set() in ss, {3} in ss, frozenset([2, 1]) in ss)
ss.discard({1, 2}); print(ss)
ss.add(frozenset([5])); ss.remove({5}); print(ss)
err(ss.add, {1})
err(lambda: {{1}})
err(lambda: [1] in {1})
# comparisons
a, b = {1, 2}, {1, 2, 3}
print(a < b, a <= b, b > a, b >= a, a == b, a != b, a < a, a <= a, a == frozenset(a), frozenset(a) == a)
print({1} == [1], {1} != [1], {1}.issubset([1, 2]), {1, 5}.issubset(range(3)), {1}.issuperset([1]), {1}.issuperset((1, 2)))
err(lambda: {1} < [1])
err(lambda: {1} <= 1)
err({1}.issubset, 5)
err({1}.issuperset, None)
print(a.isdisjoint({3}), a.isdisjoint([2]), a.isdisjoint(a), set().isdisjoint(set()), a.isdisjoint(iter([5])))
err(a.isdisjoint, 1)
# operators with non-sets
err(lambda: {1} | [2])
err(lambda: {1} & (1,))
err(lambda: {1} - 'a')
err(lambda: {1} ^ None)
def ior():
    x = {1}; x |= [2]
err(ior)
def iand():
    x = {1}; x &= [2]
err(iand)
print({1, 2}.union(), {1}.union([2], (3,), {4: 0}, 'x' and [5]), set().intersection(), {1, 2}.difference())
print({1, 2, 3}.intersection([2, 3, 4], {3, 4}), {1, 2, 3}.difference([1], {2}), {1, 2}.symmetric_difference([2, 3]))
err({1}.union, 5)
err({1}.intersection, 5)
err({1}.difference, 5)
err({1}.symmetric_difference, 5)
err({1}.update, 5)
err({1}.union, x=1)
err({1}.symmetric_difference)
err({1}.intersection_update, [1], 3)
s = {1, 2, 3}; s.intersection_update(); print(s)
s = {1, 2, 3}; s.difference_update(); s.update(); print(s)
s = {1, 2, 3}; s -= s; print(s)
s = {1, 2, 3}; s ^= s; print(s)
s = {1, 2, 3}; s &= s; print(s)
s = {1, 2, 3}; s |= s; print(s)
s = {1, 2, 3}; s.difference_update(s); print(s)
s = {1, 2, 3}; s.symmetric_difference_update(s); print(s)
# frozenset
f = frozenset('abc')
print(len(f), 'a' in f, sorted(f), sorted(f | {'z'}), type(f | {'z'}).__name__, type({'z'} | f).__name__, type(f & {'a'}).__name__)
print(type(f.union()).__name__, type(f.difference([])).__name__, type(f.symmetric_difference([])).__name__, type(f.intersection()).__name__)
err(lambda: f.add)
print(frozenset() is frozenset(), frozenset([]) is frozenset(), frozenset(f) is f, hash(frozenset()) == hash(frozenset([])))
err(frozenset, 1)
err(frozenset, [], [])
err(lambda: frozenset(x=1))
err(set, 1)
err(set, [], [])
err(lambda: set(x=1))
err(set, [[]])
print(set(), frozenset(), repr(set()), str(frozenset()), set('aab') == {'a', 'b'})
# hashes equal to CPython's
for v in [frozenset(), frozenset([1]), frozenset([1, 2, 3]), frozenset(range(100)), frozenset([(1, 2), (3, 4)]),
          frozenset([frozenset([1]), frozenset()]), frozenset([-1, -2]), frozenset([2**64, 1.5]), frozenset([True, None is None])]:
    print(sorted(v, key=repr) if len(v) < 5 else len(v), hash(v))
s = frozenset(range(20))
t = set(range(40)); [t.discard(i) for i in range(20, 40)]
print(hash(s) == hash(frozenset(t)), frozenset(t) == s)
err(hash, {1})
# sets of sets / frozensets as dict keys
d = {frozenset([1, 2]): 'a'}
print(d[frozenset([2, 1])], frozenset([1, 2]) in d)
# set membership of numbers of different types
print(1.0 in {1}, True in {1}, 1 in {1.0}, 2**64 in {float(2**64)}, 0.5 in {0})
print({1, 1.0, True}, {0, 0.0, False, -0.0}, len({1, 1.0, True}))
# __sizeof__ / reduce
print(set().__sizeof__(), set(range(10)).__sizeof__(), frozenset(range(100)).__sizeof__())
print({3, 1}.__reduce__(), frozenset([2]).__reduce__())
err(set().__reduce__, 1)
print(set[int], frozenset[str])
# iterator
s = {1, 2, 3}
it = iter(s)
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__())
s.add(4)
err(next, it)
s.discard(4)
err(next, it)
print(it.__length_hint__())
s = {1, 2, 3}
def mutate():
    for x in s:
        s.discard(x)
err(mutate)
it = iter({5, 6}); next(it); print(it.__reduce__()[1])
