import _bisect

class Idx:
    def __index__(self):
        return 2

a = [1, 2, 3, 4]
cases = [
    ('bisect_left', (a, 1, -1), {}), ('bisect_right', (a, 1, -5), {}), ('insort_left', (a, 1, -1), {}),
    ('bisect_left', (a, 1, 'x'), {}), ('bisect_left', (a, 1, 0, 'x'), {}), ('bisect_left', (a, 1, 2**70), {}),
    ('bisect_left', (a, 1, 0, 2**70), {}), ('bisect_left', (a, 1, Idx(), Idx()), {}), ('bisect_left', (a, 1, 1.0), {}),
    ('bisect_right', (a,), {}), ('bisect_right', (), {}), ('bisect_right', (a, 1, 0, 1, 2), {}),
    ('bisect_right', (a, 1), {'key': None, 'x': 3}), ('bisect_right', (a, 1), {'bogus': 3}), ('bisect_right', (a, 1, 0, 4, len), {}),
    ('bisect_left', (5, 1), {}), ('bisect_left', (None, 1), {}), ('bisect_left', ({1: 2}, 1), {}), ('bisect_left', (a, 'x'), {}),
    ('bisect_right', (a, None), {}), ('insort_right', (5, 1), {}), ('insort_left', ((1, 2), 1), {}),
    ('bisect_left', (a, 1), {'key': 5}), ('insort_left', (a, 1), {'key': 5}), ('bisect_left', ([], 1), {'key': 5}),
    ('bisect_right', (a, 2), {'lo': 1, 'hi': 3}), ('insort', (a, 2), {'hi': 2}),
]
for name, args, kw in cases:
    try:
        print(name, getattr(_bisect, name)(*args, **kw))
    except Exception as e:
        print(name, type(e).__name__, e)
print(a)


class Raiser:
    def __lt__(self, other):
        raise ZeroDivisionError('cmp')

    __gt__ = __lt__

for name in ('bisect_left', 'bisect_right', 'insort_left', 'insort_right'):
    try:
        getattr(_bisect, name)([1, 2, 3], Raiser())
    except ZeroDivisionError as e:
        print(name, 'ZeroDivisionError', e)
    try:
        getattr(_bisect, name)([1, 2, 3], 1, key=lambda v: 1 / 0)
    except ZeroDivisionError as e:
        print(name, 'ZeroDivisionError', e)


# Comparisons that shrink the list: IndexError where CPython raises it.
class Shrinker:
    def __init__(self, lst, v):
        self.lst, self.v = lst, v

    def __lt__(self, other):
        del self.lst[:]
        return self.v < other

    def __gt__(self, other):
        del self.lst[:]
        return self.v > other

for name in ('bisect_left', 'bisect_right', 'insort_left', 'insort_right'):
    lst = list(range(100))
    try:
        print(name, getattr(_bisect, name)(lst, Shrinker(lst, 50)), len(lst))
    except IndexError as e:
        print(name, 'IndexError', e, len(lst))
    lst = list(range(100))
    def shrinking_key(v):
        lst.clear()
        return v
    try:
        print(name, getattr(_bisect, name)(lst, 60, key=shrinking_key), len(lst))
    except IndexError as e:
        print(name, 'IndexError', e, len(lst))


class Grower:
    def __init__(self, lst):
        self.lst = lst

    def __lt__(self, other):
        self.lst.extend(range(10))
        return False

    def __gt__(self, other):
        self.lst.extend(range(10))
        return True

lst = [1, 2, 3]
print(_bisect.bisect_left(lst, Grower(lst)), _bisect.bisect_right(lst, Grower(lst)), len(lst))
