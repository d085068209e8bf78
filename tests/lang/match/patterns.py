class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y

def describe(obj):
    match obj:
        case 0 | 1 as small:
            return f'small int {small}'
        case int(n) if n < 0:
            return f'negative {n}'
        case float() | complex():
            return 'float or complex'
        case 'hello':
            return 'greeting'
        case str(s):
            return f'string of {len(s)}'
        case []:
            return 'empty list'
        case [x]:
            return f'one element {x}'
        case [1, *rest]:
            return f'starts with 1, rest {rest}'
        case (a, b, c):
            return f'three: {a} {b} {c}'
        case {'type': 'point', 'x': x, **others}:
            return f'point dict x={x} others={others}'
        case {}:
            return 'some mapping'
        case Point(x=0, y=0):
            return 'origin'
        case Point(0, y):
            return f'on y axis at {y}'
        case Point(x, y) if x == y:
            return f'diagonal {x}'
        case Point():
            return 'some point'
        case None:
            return 'None'
        case True:
            return 'True'
        case _:
            return 'other'

for v in [0, 1, -5, 2.5, 3j, 'hello', 'abc', [], [9], [1, 2, 3], (4, 5, 6), [7, 8],
          {'type': 'point', 'x': 1, 'z': 2}, {'a': 1}, Point(0, 0), Point(0, 5), Point(3, 3), Point(1, 2),
          None, True, object, 42]:
    print(repr(v) if not isinstance(v, Point) else 'Point', '->', describe(v))


class C:
    RED = 'red'
    GREEN = 'green'

def value_pattern(c):
    match c:
        case C.RED:
            return 'is red'
        case C.GREEN:
            return 'is green'
    return 'no match'
print(value_pattern('red'), value_pattern('green'), value_pattern('blue'))

def nested(cmd):
    match cmd:
        case ['go', ('north' | 'south') as direction]:
            return f'going {direction}'
        case ['drop', *objs] if objs:
            return f'dropping {objs}'
        case ['quit' | 'exit']:
            return 'bye'
        case _:
            return 'unknown'
for c in [['go', 'north'], ['go', 'west'], ['drop', 'a', 'b'], ['drop'], ['quit'], ['exit'], []]:
    print(repr(c), nested(c))

match (1, 2):
    case (1, x) if x > 5:
        print('no')
    case (1, x):
        print('x is', x)

class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(e)

match {'a': 1, 'b': 2}:
    case {'a': 1, 'b': b}:
        print('b', b)
match 'str':
    case [*_]:
        print('str is not a sequence pattern')
    case _:
        print('str not matched as sequence')
match b'x':
    case bytes(b):
        print('bytes', b)
match range(3):
    case [0, 1, 2]:
        print('range matched as sequence')
match {"a": 1}:
    case {'a': v}:
        print('mapping', v)
x = 5
match x:
    case y:
        print('capture', y)
print(y)
