a, b = 1, 2
a, b = b, a
print(a, b)
a, *b, c = range(6)
print(a, b, c)
*a, = 'xyz'
print(a)
(a, b), c = (1, 2), 3
print(a, b, c)
[a, [b, *c]] = [1, [2, 3, 4]]
print(a, b, c)
x = y = z = 7
print(x, y, z)
d = {}
d['k'], d['j'] = 1, 2
print(d)
l = [0, 0, 0]
l[0], l[2] = 'a', 'c'
print(l)
for errcase in ['a, b = 1, 2, 3', 'a, b, c = 1, 2', 'a, *b, c = [1]', 'a, b = 5', 'a, b = None']:
    try:
        exec(errcase)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
first, *rest = 'hello'
print(first, rest)
a, b, c = {'x': 1, 'y': 2, 'z': 3}
print(a, b, c)
print(*range(3), sep='-')
t = 1,
print(t, (), (1, 2) + (3,))
i = 0
l = [1, 2, 3]
i, l[i] = 1, 'changed'
print(i, l)
class O: pass
o = O()
o.a, o.b = 1, 2
print(o.a, o.b)
s = slice(1, 3)
l = list(range(5))
l[s] = ['x']
print(l)
l[::2] = 'ab'
print(l)
try:
    l[::2] = 'abc'
except ValueError as e:
    print(e)
del l[0], l[-1]
print(l)
x: int = 5
print(x, __annotations__)
a = b = []
a += [1]
print(b)
n = 5
n //= 2; n **= 3; n %= 5; n <<= 3; n >>= 1; n |= 1; n &= 7; n ^= 2
print(n)
s = 'ab'
s *= 2
print(s)
