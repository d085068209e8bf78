# list: iteration protocol details, comprehension, unpacking, copy, pickle protocol helpers
l = [1, 2, 3]
it = iter(l)
print(next(it), it.__reduce__()[0].__name__, it.__reduce__()[1][0] is l, it.__reduce__()[2])
it.__setstate__(2); print(list(it))
it.__setstate__(0); print(list(it))
r = reversed(l)
print(next(r), r.__reduce__()[0].__name__, r.__reduce__()[2])
r.__setstate__(5); print(list(r))
it = iter([])
print(list(it), it.__reduce__()[1])
print([x for x in l if x > 1], [[x, y] for x in l for y in 'ab'][:3])
a, *b = l; print(a, b)
*a, b = l; print(a, b)
print([*l, *l], [*'ab'])
print(l[::-1], l[-1:-4:-1], l[len(l):], l[:-len(l)])
# nested mutation aliasing
m = [[0] * 2] * 2; m[0][0] = 1; print(m)
# del via slice with steps
l = list(range(20)); del l[::3]; print(l)
l = list(range(20)); del l[-1:-20:-4]; print(l)
l = list(range(5)); l[1:4] = range(10, 13); print(l)
l = list(range(5)); l[5:] = [5, 6]; print(l)
l = list(range(5)); l[-100:1] = ['x']; print(l)
# list equality with recursive lists
a = []; a.append(a)
try:
    print(a == a)
    b = []; b.append(b)
    print(a == b)
except RecursionError as e:
    print('RecursionError')
# identity short-cut in contains/count/index
class Never:
    def __eq__(self, o): return False
n = Never()
print(n in [n], [n].count(n), [n].index(n))
# bool of list with __len__ semantics
print(bool([[]]), bool([None]))
print([0] * 3 == [0, 0, 0], [None] * 0)
print(list(map(lambda x: x * 2, [1, 2])), list(zip([1, 2], 'ab')), list(enumerate('ab', 1)), list(filter(None, [0, 1, '', 'a'])))
print(max([3, 9, 2]), min([3, 9, 2]), sum([1, 2, 3]), sorted([3, 1, 2], reverse=True))
print(list(reversed(range(3))), list(reversed((1, 2))), list(reversed('abc')))
