a or b or c and d and not e
a and (b or c)
not not not a
a < b <= c > d >= e == f != g in h not in i is j is not k
a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** n ** o
-a + +b - ~c
-1 ** 2
await_ = -x ** -y
a if b else c if d else e
(a if b else c) if d else e
x = (yield)
x = [1, 2, 3,]
x = (1,)
x = ()
x = 1,
x = {}
x = {1: 2, **a, 3: 4, **b,}
x = {1, 2, *a,}
x = [*a, *b]
x = (*a, *b)
x = *a, *b
print(*a, *b, **c, **d)
f(a, b=1, *c, d=2, **e)
f(a for a in b)
f((a for a in b), c)
f(x=1)(y=2)(z=3)
f()[0].attr(1)[2:3]
x[1:2, 3:4, ::5, ...]
x[1,]
x[()]
x[:]
x[a:=1]
x[*a]
x[*a, b]
x[a, *b]
x[:, None]
(x := 5)
[y := 1, y ** 2]
{(k := 1): (v := 2)}
f(x := 1, y=(z := 2))
[x for x in y]
[x for x in y if a if b]
[x for x in y for z in w]
[(x, y) for x, y in z]
{x for x in y}
{k: v for k, v in items}
{**a, 'b': 1}
(x for x in y)
[x for x, in y]
[lambda: x for x in y]
[x for x in (yield)]
x = a.b.c.d
x = a[b][c][d]
x = a(b)(c)(d)
x = ...
x = None, True, False
x = Ellipsis
x = __debug__
x = 'a' 'b'
x = (a
     + b
     - c)
x = [
    1,
    2,
]
x = a if b else (lambda: c)
x = lambda: (yield)
x = (lambda x: x)(1)
x = not a == b
x = a is not b
x = a not in b
x = (a) + (b)
x = (a).b
x = (a)(b)
x = (a)[b]
x = ((a)) + b
x = -(-a)
x = 1 < 2 < 3
x = [[[[[]]]]]
x = {'a': {'b': {'c': []}}}
x = f(a)(b)[c].d
x = a.b(c).d[e](f)
