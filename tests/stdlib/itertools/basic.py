# Core behaviour of the infinite and terminating iterators.
import itertools as it
from itertools import *


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# count
c = count()
print([next(c) for _ in range(3)], c)
print(list(islice(count(10, 5), 4)))
print(list(islice(count(1.5), 3)), count(1.5))
print(list(islice(count(0, 0.1), 4)))
print(repr(count(2.5, 0.5)), repr(count(0, 1.0)), repr(count(5, 1)), repr(count(-3)))
print(list(islice(count(2 ** 62, 2 ** 61), 3)))
print(repr(count(1 + 2j, 1j)))
c = count(2 ** 64 - 2)
print(next(c), next(c), c)
t(lambda: count('a'))
t(lambda: count(1, 'a'))
t(lambda: count(1, 2, 3))
t(lambda: count(start=1, stop=3))
print(repr(count(start=3, step=2)))

# cycle
print(list(islice(cycle('abc'), 7)))
print(list(cycle([])))
t(lambda: cycle())
t(lambda: cycle(1))
t(lambda: cycle([1], x=2))

# repeat
print(list(repeat('x', 3)), repr(repeat('x')), repr(repeat('y', 2)))
r = repeat(1, 3)
next(r)
print(r, r.__length_hint__())
print(list(repeat(1, -5)), repr(repeat(1, -5)))
print(repr(repeat(1, times=-1)))
t(lambda: repeat().__length_hint__())
t(lambda: repeat(1).__length_hint__())
t(lambda: repeat(1, None))
t(lambda: repeat(1, 2, 3))
t(lambda: repeat())
print(list(map(pow, range(4), repeat(2))))

# accumulate
print(list(accumulate([1, 2, 3, 4])))
print(list(accumulate([1, 2, 3, 4], initial=100)))
print(list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([], initial=1)), list(accumulate([])))
print(list(accumulate('abc')))
print(list(accumulate([1, 2, 3], lambda a, b: a * b)))
t(lambda: accumulate([1], foo=1))
t(lambda: accumulate())
t(lambda: accumulate([1, 2], None, 3))
t(lambda: list(accumulate([1, 'a'])))

# chain
print(list(chain('ab', [1, 2], (), range(2))))
print(list(chain.from_iterable(['ab', 'cd'])))
print(list(chain()))
t(lambda: chain(a=1))
t(lambda: next(chain(1)))
t(lambda: list(chain.from_iterable([1])))
print(chain[int])

# compress
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(compress('ABC', [0, 1])))
t(lambda: compress([1]))
print(list(compress(data=[1, 2], selectors=[1, 1])))

# dropwhile / takewhile / filterfalse / starmap
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))))
print(list(filterfalse(None, [0, 1, '', 'a', None])))
print(list(filterfalse(bool, [0, 1, '', 'a', None])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(lambda *a: a, ['ab', [1, 2, 3]])))
t(lambda: next(starmap(pow, [1])))
t(lambda: dropwhile(None))
t(lambda: dropwhile(None, [1], x=2))
t(lambda: filterfalse(None))
t(lambda: starmap(1))

# pairwise
print(list(pairwise('ABCDE')), list(pairwise('A')), list(pairwise([])))
t(lambda: pairwise())
t(lambda: pairwise([1], x=1))

# zip_longest
print(list(zip_longest('ABCD', 'xy', fillvalue='-')))
print(list(zip_longest('AB', [1, 2, 3], (9,))))
print(list(zip_longest()))
t(lambda: zip_longest([1], 3))
t(lambda: zip_longest([1], foo=3))

# starmap with an error in the function
def boom(*a):
    raise ValueError('boom')
t(lambda: list(starmap(boom, [()])))


# errors raised by the underlying iterator propagate
def gen():
    yield 1
    raise KeyError('k')
t(lambda: list(chain(gen())))
t(lambda: list(zip_longest(gen(), [1, 2, 3])))
t(lambda: list(pairwise(gen())))
t(lambda: list(accumulate(gen())))

# type names and subclassing
print(type(count()).__name__, count.__module__, it.count.__name__)
class MyCount(count):
    pass
print(repr(MyCount(3)), list(islice(MyCount(3, 2), 3)))
class MyRepeat(repeat):
    pass
print(repr(MyRepeat(1)))
class MyChain(chain):
    def __init__(self, *a, **k):
        self.k = k
m = MyChain([1], [2], flag=True)
print(list(m), m.k)
t(lambda: type('X', (pairwise.__class__,), {}))
print(iter(count()) is not None, hasattr(chain(), '__next__'))
