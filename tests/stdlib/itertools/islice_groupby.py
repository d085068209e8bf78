from itertools import islice, groupby, count
import sys


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


s = 'ABCDEFG'
print(list(islice(s, 2)), list(islice(s, 2, 4)), list(islice(s, 2, None)), list(islice(s, 0, None, 2)))
print(list(islice(s, None)), list(islice(s, None, None, None)), list(islice(s, 1, 100, 3)))
print(list(islice(s, 0)), list(islice(s, 5, 2)), list(islice(s, sys.maxsize)))
print(list(islice(count(), 3, 20, 5)))
class Idx:
    def __index__(self):
        return 2
print(list(islice(s, Idx(), Idx() )), list(islice(s, Idx())))
t(lambda: islice([1]))
t(lambda: islice([1], 2, 3, 4, 5))
t(lambda: islice([1], 'a'))
t(lambda: islice([1], -1))
t(lambda: islice([1], 2 ** 100))
t(lambda: islice([1], 1, 'a'))
t(lambda: islice([1], 'a', 3))
t(lambda: islice([1], -2, 3))
t(lambda: islice([1], 0, -1))
t(lambda: islice([1], 0, 3, 0))
t(lambda: islice([1], 0, 3, -1))
t(lambda: islice([1], 0, 3, 'x'))
t(lambda: islice(3, 4))
t(lambda: islice([1], 1, stop=2))

# islice consumes exactly what it needs
it = iter(range(10))
print(list(islice(it, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 2, 5)), next(it))
it = iter(range(10))
print(list(islice(it, 1, 9, 3)), next(it))
sl = islice(iter(range(3)), 10)
print(list(sl), list(sl))

# groupby
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
print([(k, ''.join(g)) for k, g in groupby('aAbBBc', lambda c: ord(c) % 32)])
print(list(groupby([])))
gb = groupby('AABBC')
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, list(g2))
gb = groupby('AAAB')
k, g = next(gb)
print(next(g), k)
k, g2 = next(gb)
print(k, list(g2), list(g))
print(type(g).__name__)
t(lambda: groupby())
t(lambda: groupby([1], key=None, foo=2))
t(lambda: groupby([1], None, 3))

def bad_key(x):
    raise ValueError(x)
t(lambda: list(groupby([1, 2], bad_key)))

class NoEq:
    def __eq__(self, other):
        raise RuntimeError('no eq')
t(lambda: [list(g) for k, g in groupby([NoEq(), NoEq()])])
print([(k, list(g)) for k, g in groupby([1, 1, 2], key=None)])
