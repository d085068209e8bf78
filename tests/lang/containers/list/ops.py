# operators: + * += *= comparisons, repr recursion, contains
def err(f, *a):
    try:
        r = f(*a)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

print([1, 2] + [3], [] + [], [1] * 3, 3 * [1, 2], [1] * 0, [1] * -2, [] * 5)
err(lambda: [1] + (2,))
err(lambda: [1] + None)
err(lambda: [1] * 'a')
err(lambda: [1] * 1.5)
err(lambda: [1] * 2**70)
err(lambda: (2,) + [1])
l = [1]
l2 = l
l += (2, 3); print(l, l is l2)
l += 'ab'; print(l)
l += range(2); print(l)
err(lambda: l.__iadd__(5))
l *= 2; print(l, l is l2)
l *= 0; print(l, l is l2)
l = [1, 2]; l *= -1; print(l)
def f():
    l = [1]
    l *= 'x'
err(f)
class Idx:
    def __index__(self): return 2
print([1, 2] * Idx(), Idx() * [3])
# comparisons
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [1, 2] == [1, 2], [1, 2] != [1, 2], [] < [0], [2] > [1, 5])
print([1, 2] <= [1, 2], [1, 2] >= [1, 3], [1, 2] == (1, 2), [1] != (1,))
err(lambda: [1] < (1,))
err(lambda: [1, 'a'] < [1, 2])
print([1, 'a'] == [1, 2])
nan = float('nan'); print([nan] == [nan], [nan] < [nan])
print([[1, 2], [3]] < [[1, 2], [4]])
# repr recursion
l = [1, 2]; l.append(l); print(l, repr(l), str(l))
a = []; b = [a]; a.append(b); print(a, b)
d = {}; l = [d]; d['x'] = l; print(l)
class R:
    def __repr__(self): return 'R!'
print([R(), R()], str([R()]), repr([]), [[]], [()], [None, True, 1.5, 'x', b'y'])
class Bad:
    def __repr__(self): raise RuntimeError('bad repr')
err(repr, [1, Bad()])
# contains
print(1 in [1, 2], 3 in [1, 2], 3 not in [1, 2], [1] in [[1]], 1.0 in [1])
# hash
err(hash, [])
# bool ops
print(not [], not [1])
# list() constructor
print(list(), list('abc'), list((1, 2)), list({1: 2, 3: 4}), list(range(3)), list(x * 2 for x in range(3)))
l = [1, 2, 3]; print(list(l) == l, list(l) is l)
err(list, 1)
err(list, [1], [2])
err(lambda: list(x=1))
l = [1, 2]; l.__init__([5]); print(l)
l = [1, 2]; l.__init__(); print(l)
l = [1, 2, 3]; l.__init__(l); print(l)
# sequences with __getitem__
class Seq:
    def __getitem__(self, i):
        if i < 4: return i * 10
        raise IndexError
print(list(Seq()))
class LenHint:
    def __iter__(self): return iter([1, 2])
    def __length_hint__(self): return 100
print(list(LenHint()))
# list of generator that raises
def g():
    yield 1
    raise ValueError('inner')
err(list, g())
# __class_getitem__
print(list[int], list[int, str])
print(type([]).__name__, list.__name__, list.__qualname__)
print(list.__doc__[:26])
