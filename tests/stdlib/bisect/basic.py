import _bisect
import bisect

print(bisect.bisect is _bisect.bisect_right, bisect.insort is _bisect.insort_right)
a = [1, 2, 2, 2, 3, 5, 8]
for x in (0, 1, 2, 2.5, 3, 8, 9):
    print(x, _bisect.bisect_left(a, x), _bisect.bisect_right(a, x), _bisect.bisect_left(a, x, 2), _bisect.bisect_right(a, x, 1, 4),
          _bisect.bisect_left(a, x, hi=3), _bisect.bisect_right(a, x, lo=2, hi=None), _bisect.bisect_left(a, x, 0, -1),
          _bisect.bisect_left(a, x, 0, -5), _bisect.bisect_right(a, x, 10))
print(_bisect.bisect_right(a, 4, 0, 6), _bisect.bisect_left(a, 1, 0, 7))
for x in (0, 2, 9):
    print(_bisect.bisect_left(a, x, True, 5), _bisect.bisect_right(a, x, False))

people = [('ann', 20), ('bob', 25), ('cy', 30)]
age = lambda p: p[1]
print(_bisect.bisect_left(people, 25, key=age), _bisect.bisect_right(people, 25, key=age), _bisect.bisect_right(people, 99, key=age))
_bisect.insort_left(people, ('dee', 25), key=age)
_bisect.insort_right(people, ('eve', 25), key=age)
bisect.insort(people, ('fay', 1), key=age)
print(people)
b = []
for x in (5, 1, 4, 1, 5, 9, 2, 6):
    _bisect.insort_left(b, x)
    _bisect.insort_right(b, x, 0, len(b))
print(b)
print(bisect.bisect('abcdef', 'c'), _bisect.bisect_left(range(0, 100, 3), 50), _bisect.bisect_right((1, 2, 3), 2))


class Seq:
    def __init__(self):
        self.items = []
        self.log = []

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        self.log.append(i)
        return self.items[i]

    def insert(self, i, x):
        self.log.append(('insert', i))
        self.items.insert(i, x)


s = Seq()
for x in (3, 1, 2):
    bisect.insort(s, x)
print(s.items, s.log)


class L(list):
    def insert(self, i, x):
        print('L.insert', i, x)
        super().insert(i, x)


l = L([1, 3])
bisect.insort(l, 2)
_bisect.insort_left(l, 0, key=None)
print(l)

calls = []
def key(v):
    calls.append(v)
    return v
big = list(range(1000))
print(_bisect.bisect_left(big, 637, key=key), calls)
