print([x * x for x in range(5) if x % 2])
print({x: x * 2 for x in 'abc'})
print(sorted({x % 3 for x in range(10)}))
print(list(x + y for x in range(3) for y in range(x)))
print([[i * j for j in range(3)] for i in range(3)])
print([(x, y) for x in range(3) if x for y in 'ab' if y != 'a'])
g = (x for x in range(3))
print(next(g), list(g))
print(sum(i for i in range(100)))
print([y := 5, y ** 2])
print([last := x for x in range(4)], last)
def f():
    return [z for z in range(3) if (w := z) > 0], w
print(f())
x = 'outer'
print([x for x in 'inner'], x)
try:
    [undefined_name for _ in range(1)]
except NameError as e:
    print(e)
print({k: v for k, v in zip('ab', [1, 2])})
print([*range(3), *'xy'])
print({*range(3), *[5]} == {0, 1, 2, 5})
print({**{'a': 1}, 'b': 2, **{'a': 3}})
print([i for i in range(10)][::3])
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
def gen_in_comp():
    return [list(j for j in range(i)) for i in range(3)]
print(gen_in_comp())
print([(lambda: i)() for i in range(3)])
matrix = [[1, 2], [3, 4]]
print([v for row in matrix for v in row])
print(list(zip(*matrix)))
it = iter(range(5))
print([a for a in it if a < 2], list(it))
print(type(x for x in []).__name__)
async def agen():
    return [i async for i in arange(3)]
async def arange(n):
    for i in range(n):
        yield i
c = agen()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
