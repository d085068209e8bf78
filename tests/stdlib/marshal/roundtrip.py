# loads(dumps(x)) == x for every version and many shapes of value.
import marshal

def same(a, b):
    return repr(a) == repr(b) and type(a) is type(b)

nested = {'list': [1, [2, [3, [4, (5, 6)]]], {'inner': {7: 8}}],
          'tuple': ((), (None,), (True, False, Ellipsis)),
          'set': {frozenset({1, 2}), frozenset(), (3, 4)},
          'big': [2**k for k in range(0, 200, 7)] + [-(3**k) for k in range(0, 120, 11)],
          'floats': [0.0, -0.0, 1e-310, 1.7976931348623157e308, 1/7, -1/3, float('inf'), float('-inf')],
          'complex': [1j, -1j, complex(1e300, -1e-300), complex(-0.0, -0.0)],
          'strs': ['', 'ascii', 'x' * 1000, 'é' * 300, '日本語', '\U0010ffff', '\ud800', '\udfff\ud800', 'a\U0001f600b'],
          'bytes': [b'', bytes(range(256)), b'z' * 70000],
          StopIteration: 'stop', 1.5: 2, -7: None, (1, 'k'): b'v'}

for ver in range(5):
    back = marshal.loads(marshal.dumps(nested, ver))
    print(ver, same(back, nested), back == nested)
    for key, value in nested.items():
        print(' ', key if isinstance(key, str) else repr(key), same(marshal.loads(marshal.dumps(value, ver)), value))

# nan keeps being nan; the sign of zero survives.
import math
for ver in range(5):
    n = marshal.loads(marshal.dumps(float('nan'), ver))
    z = marshal.loads(marshal.dumps(-0.0, ver))
    c = marshal.loads(marshal.dumps(complex(float('nan'), -0.0), ver))
    print(ver, math.isnan(n), math.copysign(1, z), math.isnan(c.real), math.copysign(1, c.imag))

# Buffers come back as bytes.
for b in (bytearray(b'abc'), memoryview(b'xyz'), memoryview(bytearray(b'q'))):
    print(repr(marshal.loads(marshal.dumps(b))))

# loads takes any bytes-like object and ignores extra data.
data = marshal.dumps((1, 'two', 3.0))
print(marshal.loads(bytearray(data)), marshal.loads(memoryview(data)), marshal.loads(data + b'junk'))

# Sharing survives (versions >= 3) and is lost below.
shared = [1, 2]
obj = [shared, (shared, shared), {'k': shared}]
for ver in range(5):
    back = marshal.loads(marshal.dumps(obj, ver))
    print(ver, back == obj, back[0] is back[1][0], back[1][0] is back[2]['k'])

# A list holding itself.
loop = [1]
loop.append(loop)
back = marshal.loads(marshal.dumps(loop))
print(back[0], back[1] is back)
d = {}
d['me'] = d
back = marshal.loads(marshal.dumps(d))
print(back['me'] is back)

# Interned strs stay interned after loading.
import sys
s = marshal.loads(marshal.dumps(sys.intern('some_identifier_name')))
print(s is sys.intern('some_identifier_name'))

# Sets marshal the same whatever their insertion order.
a = set(range(50))
b = set(reversed(range(50)))
print(marshal.dumps(a) == marshal.dumps(b), marshal.dumps(frozenset(a), 2) == marshal.dumps(frozenset(b), 2))
print(sorted(marshal.loads(marshal.dumps({'b a', 'a b', 'c'}))))
