import sys
print(abs(-3), abs(2.5), abs(-0.0), abs(3+4j))
print(all([]), all([1, 0]), any([]), any([0, 2]))
print(ascii('héllo\n'), ascii([1, 'ü']))
print(bin(10), bin(-5), oct(64), hex(255), hex(-1))
print(bool(), bool([]), bool([0]))
print(callable(len), callable(1), callable(type), callable(lambda: 0))
print(chr(65), chr(0x1F600) == '\U0001F600', ord('a'), ord('€'))
for bad in [lambda: chr(-1), lambda: chr(0x110000), lambda: ord('ab'), lambda: ord('')]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2))
print(list(enumerate('abc', 1)))
print(list(filter(None, [0, 1, '', 'a'])), list(filter(lambda x: x > 1, [1, 2, 3])))
print(format(3.14159, '.2f'), format(42, '08b'), format('x', '>3'))
print(getattr(1, 'real'), getattr(1, 'nope', 'default'), hasattr('', 'upper'), hasattr(1, 'zz'))
try:
    getattr(1, 'nope')
except AttributeError as e:
    print(e)
class O: pass
o = O()
setattr(o, 'a', 1); print(o.a); delattr(o, 'a'); print(hasattr(o, 'a'))
print(hash(1) == hash(1.0), hash((1, 2)) == hash((1, 2)))
try:
    hash([])
except TypeError as e:
    print(e)
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), issubclass(bool, int))
try:
    isinstance(1, 'int')
except TypeError as e:
    print(e)
print(len('abc'), len([1]), len({1: 2}))
try:
    len(5)
except TypeError as e:
    print(e)
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(max(3, 1, 2), max([1, 5, 2]), max('abc'), max([], default='empty'), max([1, -3], key=abs))
print(min(3, 1, 2), min([[2], [1]]), min((), default=None))
try:
    max([])
except ValueError as e:
    print(e)
try:
    min()
except TypeError as e:
    print(e)
it = iter([1, 2])
print(next(it), next(it), next(it, 'done'))
try:
    next(it)
except StopIteration:
    print('StopIteration')
print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(2.0, 0.5))
print(repr('a'), repr(1.0), repr(None))
print(list(reversed([1, 2, 3])), list(reversed(range(3))), list(reversed('ab')))
print(round(2.5), round(3.5), round(1.2345, 2), round(-0.5), round(1234, -2), type(round(2.5)))
print(sorted([3, 1, 2]), sorted('bca', reverse=True), sorted([(1, 'b'), (1, 'a'), (0, 'z')]))
print(sorted(['bb', 'a', 'ccc'], key=len))
try:
    sorted([1, 'a'])
except TypeError as e:
    print(e)
print(sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(5), 10))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print(e)
print(list(zip('ab', [1, 2, 3])), list(zip()))
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print(e)
print(type(1), type('a'), type(type))
print(vars(O) is not None, 'a' not in vars(o))
print(dir(o) == sorted(dir(o)), '__init__' in dir(o))
print(id(o) == id(o), id(1) is not None)
print(int('42'), int('0x1f', 16), int('1_000'), float('1e3'), complex('1+2j'), str(12), bytes(3))
print(list(range(10, 0, -3)), tuple('ab'), set('aab') == {'a', 'b'}, frozenset([1]), dict(a=1))
print(slice(1, 2, 3), slice(5))
print(isinstance(print, type(len)), print.__name__, len.__qualname__)
print(sep='', end='')
print('a', 'b', sep='--', end='!\n')
print('to stderr', file=sys.stderr)
print(*[1, 2, 3])
print(globals() is globals(), type(locals()))
print(eval('1 + 2'), exec('z = 3') is None, z)
print(__builtins__ is not None, type(__build_class__))
print(issubclass(int, object), object.__subclasshook__() is NotImplemented)
print(memoryview(b'abc')[1], bytearray(b'x'))
print(oct(0), hex(0), bin(0))
print(input.__name__, open.__name__)
print(NotImplemented, Ellipsis, ..., type(...).__name__)
print(iter(lambda: 1, 1) is not None)
calls = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(calls), 0)))
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(iter(Seq())), 20 in Seq())
print(min(1, 2, key=lambda x: -x), max('a', 'bb', key=len))
print(round(0.1 + 0.2, 10), round(5e-324), round(float('inf')) if False else 'skip')
try:
    round(float('nan'))
except ValueError as e:
    print(e)
try:
    round(float('inf'))
except OverflowError as e:
    print(e)
print(abs(True), -True, ~5, +False)
print(breakpoint.__name__, compile.__name__, help.__class__.__name__ if False else 'help')
