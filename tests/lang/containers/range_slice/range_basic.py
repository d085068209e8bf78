# range: construction, len, indexing, slicing, containment, index/count, equality and hash
def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

for r in [range(5), range(2, 10), range(10, 2), range(0, 10, 3), range(10, 0, -3), range(-5, 5, 2), range(5, -5, -2),
          range(0), range(1, 2, 100), range(-1, -10, -1)]:
    print(r, len(r), list(r), bool(r), r.start, r.stop, r.step)
err(range)
err(range, 1, 2, 3, 4)
err(range, 1, 2, 0)
err(range, 1.0)
err(range, '1')
err(range, 1, 2.5)
err(lambda: range(x=1))
class I:
    def __index__(self): return 7
print(range(I()), range(I(), 10, I()), list(range(True)))
# big ranges
big = range(2**100)
print(big, big[0], big[-1], big[2**99], 2**99 in big, -1 in big, big.index(2**90), big.count(5))
err(len, big)
print(big.__len__ if False else 'len raises', bool(big), bool(range(2**100, 0)))
print(range(0, 2**64, 2**32)[-1], len(range(0, 2**64, 2**32)), range(-2**70, 2**70, 2**69)[3])
r = range(2**63 - 2, 2**63 + 2); print(list(r), len(r))
print(list(range(2**62, 2**62 + 3)), list(reversed(range(2**64, 2**64 + 3))))
err(len, range(-2**63, 2**63))
print(len(range(-2**62, 2**62)))
# indexing
r = range(10, 0, -3)
print(r[0], r[1], r[-1], r[-4], r[True])
err(lambda: r[4])
err(lambda: r[-5])
err(lambda: r['a'])
err(lambda: r[1.0])
err(lambda: r[2**100])
# slicing
for s in [slice(None), slice(1, 3), slice(None, None, -1), slice(None, None, 2), slice(-2, None), slice(5, 1, -1),
          slice(100, -100, -3), slice(1, 1), slice(None, None, 2**70), slice(-2**70, 2**70, 3)]:
    print(s, range(10)[s], range(0, 20, 3)[s], range(10, -10, -4)[s])
print(range(2**100)[::2**90], range(2**100)[2**99:2**99 + 10:3])
err(lambda: range(10)[::0])
err(lambda: range(10)['a':])
# contains / index / count
r = range(0, 20, 3)
print(3 in r, 4 in r, 18 in r, 21 in r, -3 in r, 3.0 in r, 'x' in r, True in range(2), 1.5 in range(3))
print(r.index(9), r.count(9), r.count(10), r.count(9.0), range(3).count(True))
err(r.index, 10)
err(r.index, 'a')
err(r.index, 9.5)
print(r.index(9.0), r.index(True) if 1 in r else 'no')
err(r.index)
err(r.count)
err(r.index, 1, 2)
class EqAll:
    def __eq__(self, o): return o == 6
print(EqAll() in r, r.index(EqAll()), r.count(EqAll()))
# equality and hash
print(range(0) == range(5, 5), range(0, 3, 2) == range(0, 4, 2), range(1, 2, 3) == range(1, 5, 7), range(3) == range(3), range(3) == [0, 1, 2])
print(range(0) != range(2, 1), range(0, 10, 2) == range(0, 11, 2), range(2**100) == range(2**100))
print(hash(range(0)) == hash(range(3, 3)), hash(range(0, 3, 2)) == hash(range(0, 4, 2)), hash(range(1, 2, 3)) == hash(range(1, 5, 7)))
print(hash(range(5)), hash(range(0)), hash(range(1, 2)), hash(range(10, 0, -2)))
err(lambda: range(1) < range(2))
print({range(3): 'a'}[range(0, 3)], range(3).__reduce__(), range(1, 9, 2).__reduce__())
print(repr(range(1, 2, 1)), repr(range(1, 2, -1)), str(range(-3)))
# iteration
it = iter(range(3)); print(type(it).__name__, next(it), it.__length_hint__(), list(it), it.__length_hint__())
it = iter(range(2**100)); print(type(it).__name__, next(it), next(it))
it = reversed(range(5)); print(type(it).__name__, list(it))
it = reversed(range(2**64, 2**64 + 2)); print(type(it).__name__, list(it))
print(list(reversed(range(1, 10, 3))), list(reversed(range(0))), list(reversed(range(10, 0, -4))))
it = iter(range(10)); next(it); print(it.__reduce__()[1:], list(it)[:2])
it = iter(range(10)); it.__setstate__(8); print(list(it))
it = iter(range(5)); it.__setstate__(-3); print(list(it))
print(range.__name__, type(range(1)).__name__, isinstance(range(1), range))
err(lambda: range.__new__(range))
print([i * i for i in range(3, -3, -2)], sum(range(101)), max(range(7)), min(range(3, 9)))
print(range(3, 9).__getitem__(2), range(10)[range(3)[1]])
r = range(3)
err(setattr, r, 'start', 1)
err(setattr, r, 'foo', 1)
print(r.__class__, range.start.__class__.__name__)
