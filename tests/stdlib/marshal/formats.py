# Byte formats, compared with CPython's output where it does not depend on
# reference counts: every version below 3 (no references at all), singletons,
# and for version 3/4 values bound to names whose parts are all shared too.
import marshal

print(marshal.version)
values = [None, True, False, StopIteration, Ellipsis, 0, 1, -1, 255, 256, -5, 2**31 - 1, -2**31, 2**31, -2**31 - 1,
          2**15, 2**30, 2**45, -2**45, 2**49, 2**60, -2**63, 2**64 - 1, 10**30, -(10**30), 3**200,
          0.0, -0.0, 1.5, -2.25, 0.1, 1e16, 1e17, 1e300, 5e-324, 1/3, float('inf'), float('-inf'), float('nan'),
          1j, complex(1.5, -0.0), complex(float('inf'), float('nan')),
          '', 'abc', 'a' * 300, 'héllo', 'ĀĂ', '\U0001f600', '\udc80', 'a\ud800b', 'x' * 255, 'y' * 256,
          b'', b'\x00\xff', bytearray(b'ba'), memoryview(b'mv'), (), (1,), (1, (2, None)), tuple(range(300)),
          [], [1, [2, [3]]], {}, {1: 2, 3: [4]}, set(), {1, 2, 3}, frozenset(), frozenset({-1, 2**40, 5})]
for v in values:
    print(type(v).__name__, [marshal.dumps(v, ver).hex() for ver in range(3)])

for ver in (3, 4):
    print('singletons', ver, [marshal.dumps(v, ver).hex() for v in (None, True, False, StopIteration, Ellipsis)])
    for v in (0, 7, 200, -5):
        print(v, marshal.dumps(v, ver).hex())
    x = 1000000
    print(marshal.dumps(x, ver).hex())
    x = 2**100
    print(marshal.dumps(x, ver).hex())
    x = -2.5
    print(marshal.dumps(x, ver).hex())
    x = [1, 2, 1, None, 3]
    print(marshal.dumps(x, ver).hex())
    x = (1, 2)
    print(marshal.dumps(x, ver).hex())
    x = {1: 2, 3: 4}
    print(marshal.dumps(x, ver).hex())
    x = {5, 2, 3, 1}
    print(marshal.dumps(x, ver).hex())
    x = frozenset({-1, 0, 2**40})
    print(marshal.dumps(x, ver).hex())
    x = 'plain text'
    print(marshal.dumps(x, ver).hex())
    x = 'ünïcode text'
    print(marshal.dumps(x, ver).hex())
    x = b'some bytes'
    print(marshal.dumps(x, ver).hex())
    x = [x, x, x]
    print(marshal.dumps(x, ver).hex())

# Versions outside 0..4 act as the nearest supported one.
x = [1.5, 'a b']
for ver in (-1, 5, 100):
    print(ver, marshal.dumps(x, ver).hex())
