class Counter:
    def __init__(self, n): self.n = n; self.i = 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Counter(3)), sum(Counter(4)), [x * 2 for x in Counter(2)])

class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i
print(list(Seq()), tuple(Seq()), list(iter(Seq())))
it = iter(Seq())
print(type(it).__name__, next(it), next(it))

class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for x in BadIter(): pass
except TypeError as e:
    print(type(e).__name__, e)

class IterNoNext:
    def __iter__(self): return self
try:
    iter(IterNoNext())
except TypeError as e:
    print(type(e).__name__, e)

class NotIterable: pass
for v in [NotIterable(), 5, None]:
    try:
        iter(v)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    for x in 3.5: pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    a, b = NotIterable()
except TypeError as e:
    print(type(e).__name__, e)
try:
    [*NotIterable()]
except TypeError as e:
    print(type(e).__name__, e)
try:
    f = lambda *a: a
    f(*NotIterable())
except TypeError as e:
    print(type(e).__name__, e)
try:
    next(NotIterable())
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)

class IterNone:
    __iter__ = None
    def __getitem__(self, i): return i
try:
    iter(IterNone())
except TypeError as e:
    print(type(e).__name__, e)

# StopIteration with value inside for loop
class StopVal:
    def __iter__(self): return self
    def __next__(self): raise StopIteration(42)
print(list(StopVal()))

# exception in __next__ propagates
class Raise:
    def __iter__(self): return self
    def __next__(self): raise ValueError("bad next")
try:
    list(Raise())
except ValueError as e:
    print(type(e).__name__, e)

# iter(callable, sentinel)
vals = iter([1, 2, 3, 0, 5])
print(list(iter(lambda: next(vals), 0)))
try:
    iter(5, 0)
except TypeError as e:
    print(type(e).__name__, e)

# __iter__ looked up on type
n = NotIterable()
n.__iter__ = lambda: iter([1])
try:
    iter(n)
except TypeError as e:
    print(type(e).__name__, e)

# __next__ on instance doesn't count
class Half:
    def __iter__(self): return self
h = Half()
h.__next__ = lambda: 1
try:
    iter(h)
except TypeError as e:
    print(type(e).__name__, e)

# getitem sequence iteration stops on StopIteration too
class GetStop:
    def __getitem__(self, i):
        if i == 2: raise StopIteration
        return i
print(list(GetStop()))

# unpacking counts
class Two:
    def __iter__(self): return iter([1, 2])
try:
    a, b, c = Two()
except ValueError as e:
    print(type(e).__name__, e)
try:
    (a,) = Two()
except ValueError as e:
    print(type(e).__name__, e)
a, *rest = Two()
print(a, rest)
