# enumerate, zip, map, filter, reversed, iter(seq), iter(callable, sentinel)
def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

print(list(enumerate('abc')), list(enumerate('ab', 5)), list(enumerate([], 1)), list(enumerate(range(3), start=-1)), list(enumerate('x', 2**70)))
e = enumerate('ab'); print(type(e).__name__, next(e), e.__reduce__()[0].__name__, list(e))
err(enumerate)
err(enumerate, 1)
err(enumerate, 'a', 'b')
err(enumerate, 'a', start='b')
err(enumerate, 'a', 1, 2)
print(enumerate[int])
print(list(zip()), list(zip('ab')), list(zip('abc', [1, 2])), list(zip('ab', 'cd', 'ef')), list(zip(range(3), strict=True)))
err(lambda: list(zip('ab', 'abc', strict=True)))
err(lambda: list(zip('abc', 'ab', strict=True)))
err(lambda: list(zip('a', 'b', 'cd', strict=True)))
err(zip, 1)
err(zip, 'a', 2)
z = zip('ab', 'cd'); print(type(z).__name__, next(z), z.__reduce__()[0].__name__, list(z))
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(lambda *a: a, 'ab', 'xyz')), list(map(str, [])))
err(map, abs)
err(map)
err(lambda: list(map(abs, 'a')))
err(map, abs, 1)
print(list(filter(None, [0, 1, '', 'a', None, [], [0]])), list(filter(lambda x: x % 2, range(7))), list(filter(bool, ())))
err(filter, None)
err(filter, None, 1)
err(lambda: list(filter(lambda x: 1 / x, [1, 0])))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed('abc')), list(reversed(range(4))), list(reversed({1: 2, 3: 4})), list(reversed(b'ab')))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
print(list(reversed(Seq())), type(reversed(Seq())).__name__)
class Rev:
    def __reversed__(self): return iter('zyx')
print(list(reversed(Rev())))
class NoRev:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
err(reversed, NoRev())
err(reversed, {1, 2})
err(reversed, 5)
err(reversed)
r = reversed(Seq()); print(r.__length_hint__(), next(r), r.__length_hint__())
# iter() over sequences and callables
class Old:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return chr(97 + i)
print(list(iter(Old())), type(iter(Old())).__name__, 'b' in Old())
it = iter(Old()); next(it); print(it.__reduce__()[2] if len(it.__reduce__()) > 2 else None, list(it))
n = [0]
def counter():
    n[0] += 1
    return n[0]
print(list(iter(counter, 4)), type(iter(counter, 0)).__name__)
err(iter, 5)
err(iter, 5, 1)
err(iter, 'a', 'b')
err(iter)
class StopEarly:
    def __getitem__(self, i):
        if i > 1: raise StopIteration
        return i
print(list(StopEarly()))
def raises():
    raise ValueError('boom')
err(lambda: list(iter(raises, None)))
it = iter([1, 2]); print(iter(it) is it, next(it), next(it, 'done'), next(it, 'done'))
err(next, it)
err(next, [1])
print(list(zip(*[(1, 'a'), (2, 'b')])), dict(zip('ab', range(2))), sum(map(len, ['a', 'bc'])))
print(list(map(lambda x, y: x + y, [1, 2, 3], [10, 20])), [i for i, _ in enumerate(range(3))])
err(enumerate, start=1)
err(enumerate, iterable=[], x=1)
err(enumerate, [], 1, 2)
print(list(enumerate(start=3, iterable='ab')), list(enumerate(iterable='ab', start=1)), list(enumerate('a', start=7)), list(enumerate(iterable='z')))
err(enumerate, 'a', begin=1)
err(reversed, 1, 2)
err(lambda: reversed(seq=[1]))
