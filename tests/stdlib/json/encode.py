import enum
import json
import json.encoder
from collections import OrderedDict

print(json.encoder.c_make_encoder is not None, json.encoder.encode_basestring_ascii is json.encoder.c_encode_basestring_ascii)


class MyInt(int):
    def __repr__(self):
        return 'MyInt!'


class MyFloat(float):
    def __repr__(self):
        return 'MyFloat!'


class MyStr(str):
    pass


class Color(enum.IntEnum):
    RED = 1


class Level(float, enum.Enum):
    HIGH = 2.5


values = [
    None, True, False, 0, -1, 2**100, 1.5, -0.0, 1e300, 1e-7, 3.141592653589793, float('inf'), float('-inf'), float('nan'),
    'plain', 'quote " back \\ slash / ctrl \x00\x01\x1f\x7f \b\f\n\r\t', 'caf\u00e9 \u20ac \U0001f600 \ud800', '',
    [], (), {}, [1, [2, [3, []]]], (1, (2,)), {'a': 1, 'b': [None, {}]}, MyInt(5), MyFloat(2.5), MyStr('s'),
    Color.RED, Level.HIGH, {1: 'int', 2.5: 'float', True: 'bool', None: 'none', MyInt(7): 'myint', MyFloat(1.5): 'mf'},
    {'x': float('nan')}, [float('inf')], OrderedDict([('z', 1), ('a', 2)]), {Color.RED: 1},
]
for v in values:
    print(json.dumps(v), ascii(json.dumps(v, ensure_ascii=False)), json.dumps([v, v], separators=(',', ':')))

print(json.dumps({'b': 1, 'a': 2, 'c': {'z': 0, 'y': 1}}, sort_keys=True))
print(json.dumps({'a': 1, (1, 2): 2, 'c': 3, object: 4}, skipkeys=True))
print(json.dumps({(1, 2): 1, 'a': 2}, skipkeys=True, sort_keys=False))
print(json.dumps([1, {'a': 2}], separators=(' ; ', ' = ')))
print(json.dumps({'a': [1, 2], 'b': {}}, indent=2), json.dumps([1, [2]], indent='\t'))
print(json.dumps(['\u00e9'], ensure_ascii=True), json.dumps('\u00e9', ensure_ascii=False))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


print(json.dumps([Point(1, 2), {'p': Point(3, 4)}], default=lambda o: {'x': o.x, 'y': o.y}))
print(json.dumps(Point(5, 6), default=lambda o: [o.x, Point(o.y, 0)] if o.x else 'zero'))

errors = [
    (lambda: json.dumps(float('nan'), allow_nan=False)), (lambda: json.dumps({'a': float('inf')}, allow_nan=False)),
    (lambda: json.dumps({1.5: float('-inf')}, allow_nan=False)), (lambda: json.dumps({float('nan'): 1}, allow_nan=False)),
    (lambda: json.dumps(object())), (lambda: json.dumps({(1, 2): 3})), (lambda: json.dumps({'a': 1, 2: 'b'}, sort_keys=True)),
    (lambda: json.dumps([Point(1, 2)], default=lambda o: o)), (lambda: json.dumps({1j: 2})), (lambda: json.dumps(b'bytes')),
    (lambda: json.dumps({1, 2})),
]
for f in errors:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

a = []
a.append(a)
d = {}
d['self'] = d
for obj in (a, d, [d]):
    try:
        json.dumps(obj)
    except ValueError as e:
        print('ValueError', e)
try:
    json.dumps(a, check_circular=False)
except RecursionError as e:
    print('RecursionError', str(e)[:60])


class Loop:
    pass


try:
    json.dumps(Loop(), default=lambda o: o if isinstance(o, Loop) else None)
except ValueError as e:
    print('ValueError', e)
shared = [1]
print(json.dumps([shared, shared, {'k': shared}]))

deep = []
cur = deep
for _ in range(100000):
    cur.append([])
    cur = cur[0]
try:
    json.dumps(deep)
except RecursionError as e:
    print('RecursionError', e)


class Mutating(list):
    pass


def default(o):
    items.append(len(items))
    return 'D'


items = [Point(0, 0), Point(0, 0)]
print(json.dumps(items, default=default))

e = json.JSONEncoder(sort_keys=True, separators=(',', ':'))
print(e.encode({'b': [1, 2.0], 'a': 'x'}), list(e.iterencode({'z': 1})))
print(json.JSONEncoder().encode('just a string'), json.JSONEncoder(ensure_ascii=False).encode('\u00e9'))
