# tee, and the pickling protocol (__reduce__/__setstate__) of each iterator.
import itertools
from itertools import *



def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


a, b = tee(range(5))
print(next(a), next(a), list(b), list(a))
a, b, c = tee('abc', 3)
print(list(a), list(b), list(c))
print(tee([1], 0), len(tee([1], 1)))
t(lambda: tee([1], -1))
t(lambda: tee())
t(lambda: tee([], 'a'))
t(lambda: tee([1], n=2))
a, b = tee(range(200))
print(sum(a), sum(b))
a, b = tee(iter(range(100)))
c = a.__copy__()
print(next(a), next(c), type(a).__name__, type(c).__name__)
d, e = tee(a)
print(d is a, next(d), next(e), next(a))
a, = tee('xyz', 1)
print(list(a))
print(type(itertools._tee(range(3))).__name__, list(itertools._tee(range(3))))
t(lambda: itertools._tee(1))


def gen():
    yield 1
    yield 2
a, b = tee(gen())
print(list(a), list(b))


def rebuild(obj):
    """What copy/pickle do with __reduce__: call, then __setstate__."""
    r = obj.__reduce__()
    new = r[0](*r[1])
    if len(r) > 2 and r[2] is not None:
        new.__setstate__(r[2])
    return new


def check(name, make, skip=2, take=6):
    it = make()
    for _ in range(skip):
        next(it, None)
    clone = rebuild(it)
    print(name, list(islice(it, take)), list(islice(clone, take)))


check('accumulate', lambda: accumulate(range(10)))
check('accumulate-initial', lambda: accumulate(range(3), initial=5), skip=0)
check('accumulate-func', lambda: accumulate([1, 2, 3, 4], lambda a, b: a * b))
check('chain', lambda: chain('ab', 'cde', 'f'))
check('chain-fresh', lambda: chain('ab', 'cde'), skip=0)
check('combinations', lambda: combinations('ABCD', 2))
check('combinations-fresh', lambda: combinations('ABCD', 2), skip=0)
check('combinations-done', lambda: combinations('AB', 2), skip=3)
check('cwr', lambda: combinations_with_replacement('ABC', 2))
check('permutations', lambda: permutations('ABC'))
check('permutations-r', lambda: permutations('ABCD', 2), skip=5)
check('product', lambda: product('ab', range(3)))
check('product-repeat', lambda: product('ab', repeat=3), skip=3)
check('compress', lambda: compress('ABCDEF', [1, 0, 1, 0, 1, 1]))
check('count', lambda: count(3))
check('count-step', lambda: count(3, 0.5))
check('cycle', lambda: cycle('abc'), skip=1, take=8)
check('cycle-second-pass', lambda: cycle('abc'), skip=4, take=8)
check('dropwhile', lambda: dropwhile(lambda x: x < 3, range(8)), skip=1)
check('takewhile', lambda: takewhile(lambda x: x < 5, range(8)), skip=1)
check('filterfalse', lambda: filterfalse(None, [0, 1, 0, 2, 3]), skip=1)
check('islice', lambda: islice(range(20), 2, 15, 3), skip=1)
check('islice-done', lambda: islice(range(3), 2), skip=3)
check('repeat', lambda: repeat('x', 5))
check('repeat-forever', lambda: repeat('x'))
check('starmap', lambda: starmap(pow, [(2, 1), (2, 2), (2, 3), (2, 4)]), skip=1)
check('zip_longest', lambda: zip_longest('ab', 'wxyz', fillvalue='-'), skip=3)
check('tee', lambda: tee(range(10))[0])

# the shape of a few reductions
print(count(5).__reduce__(), count(5, 2).__reduce__(), count(1.5).__reduce__())
print(repeat('a', 2).__reduce__(), repeat('a').__reduce__())
print(combinations('ab', 1).__reduce__(), product('ab', 'c').__reduce__())
c = combinations('abc', 2)
next(c)
print(c.__reduce__())
p = permutations('abc', 2)
next(p)
print(p.__reduce__())
print(chain().__reduce__()[1], len(chain('a').__reduce__()))

gb = groupby('AABBBCD')
next(gb)
gb2 = rebuild(gb)
print([(k, list(g)) for k, g in gb2])
gb = groupby('AABB')
k, g = next(gb)
r = g.__reduce__()
print(r[0].__name__, r[1][1])
next(gb)
print(g.__reduce__()[0] is iter)

# setstate validation
t(lambda: chain().__setstate__(1))
t(lambda: chain().__setstate__((1,)))
t(lambda: combinations('abc', 2).__setstate__((1,)))
c = combinations('abcd', 2)
c.__setstate__((0, 9))
print(list(c))
p = product('ab', 'cd')
p.__setstate__((5, -3))
print(list(p))
t(lambda: cycle('a').__setstate__(5))
t(lambda: islice('a', 1).__setstate__('x'))
