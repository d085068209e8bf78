# set iteration order must match CPython's for ints and tuples
def show(*a):
    print(*a)

show({3, 1, 2}, {100, 5, 37, 8, 64, 1000, -1, -5}, set(range(20)), set(range(100, 0, -7)))
s = set()
for i in [5, 13, 21, 29, 37, 45, 8, 16]:   # collisions mod 8
    s.add(i)
show(s)
for i in range(0, 200, 3):
    s.add(i)
show(s)
for i in range(0, 200, 6):
    s.discard(i)
show(s)
s.add(6); s.add(1000); s.add(-6)
show(s)
show({i * 8 for i in range(20)}, {i * 1024 for i in range(10)}, {-i for i in range(15)})
show({2**62, 2**63, 2**64, 2**65, 1, 2, -2**63}, {2**61 - 1, 2**61, 2**61 + 1, -(2**61)})
show({(1, 2), (2, 1), (0, 0), (1,), (), (3, 4, 5)}, {(i, i * i) for i in range(10)})
show({(i, j) for i in range(3) for j in range(3)})
show({1.5, 2.5, 0.1, -3.25, 1e100, float('inf')}, {0.5 * i for i in range(12)})
show({False, 2, 3}, {True} | {1, 2})
a = set(range(0, 30, 2)); b = set(range(0, 30, 3))
show(a | b, b | a, a & b, b & a, a - b, b - a, a ^ b, b ^ a)
show(a.union(b, range(40, 45)), a.intersection(b, range(6, 20)), a.difference(b, [4]), a.symmetric_difference(range(10)))
show(a.union([100, 50, 25]), a.intersection([6, 0, 12, 99]), a.difference(range(5, 15)), a.symmetric_difference({1: 2, 3: 4, 4: 5}))
c = set(a); c |= b; show(c)
c = set(a); c &= b; show(c)
c = set(a); c -= b; show(c)
c = set(a); c ^= b; show(c)
c = set(a); c.update(range(100, 110), [7, 9]); show(c)
c = set(a); c.intersection_update(b, range(10)); show(c)
c = set(a); c.difference_update(range(10), [20]); show(c)
c = set(a); c.symmetric_difference_update(range(5, 40, 5)); show(c)
c = set(a); c.symmetric_difference_update({7: 0, 8: 0, 9: 0}); show(c)
show(set({5: 1, 3: 2, 11: 3, 1: 4}), set([9, 1, 17, 25, 33]), set((41, 33, 25, 17, 9, 1)))
show(set(range(1000)) - set(range(5, 1000)), set(range(50)) & set(range(45, 200)))
big = set(range(10000))
for i in range(0, 10000, 2): big.discard(i)
show(len(big), list(big)[:10], list(big)[-5:])
show(frozenset(range(10, 0, -1)), frozenset({(1, 2), (3, 4)}), frozenset([frozenset([1]), frozenset([2, 3])]))
# pop order
s = set(range(20))
show([s.pop() for _ in range(5)], s)
s = {100, 200, 300}; s.add(8); show(s.pop(), s.pop(), s)
s = set(range(16)); [s.discard(i) for i in range(8)]; show(s.pop(), s)
# copy/dict keys/list conversion order
d = {i * 7 % 23: i for i in range(23)}
show(set(d), set(d.keys()), set(d.items()) == set(d.items()), set(list(d)), frozenset(d))
show(set(x for x in [40, 32, 24, 16, 8, 0]), {*range(5), *range(30, 25, -1)})
# removal then re-add re-uses dummies
s = {1, 9, 17, 25}
s.remove(9); s.add(33); show(s)
s.remove(1); s.add(1); show(s)
# growth from many additions
s = set()
for i in range(1, 100):
    s.add(i * 37 % 101)
show(s)
# the same values inserted in different orders can iterate differently
show({8, 16, 0}, {0, 16, 8}, {16, 8, 0})
show(set([i * 64 for i in range(9)]), set([i * 64 for i in range(8, -1, -1)]))
