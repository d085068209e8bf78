from itertools import *


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(list(product('ab', range(2))))
print(list(product(range(2), repeat=3)))
print(list(product('ab', 'cd', repeat=2))[:5], len(list(product('ab', 'cd', repeat=2))))
print(list(product()), list(product(repeat=0)), list(product('ab', [])), list(product([], repeat=0)))
print(list(product('a', repeat=0)))
t(lambda: product([1], foo=2))
t(lambda: product([1], repeat=-1))
t(lambda: product([1], repeat='a'))
t(lambda: product(1))

print(list(combinations('ABCD', 2)))
print(list(combinations(range(4), 3)))
print(list(combinations('AB', 0)), list(combinations('AB', 3)), list(combinations([], 0)))
t(lambda: combinations([1], -1))
t(lambda: combinations([1]))
t(lambda: combinations([1], 'a'))
t(lambda: combinations(1, 1))
print(list(combinations(iterable='abc', r=2)))

print(list(combinations_with_replacement('ABC', 2)))
print(list(combinations_with_replacement([], 2)), list(combinations_with_replacement([], 0)))
print(list(combinations_with_replacement('AB', 0)), list(combinations_with_replacement('A', 3)))
t(lambda: combinations_with_replacement([1], -1))

print(list(permutations('ABC')))
print(list(permutations(range(4), 2)))
print(list(permutations('AB', 0)), list(permutations('AB', 3)), list(permutations([])))
print(list(permutations('ABC', None)))
print(len(list(permutations(range(6)))), len(set(permutations(range(6)))))
t(lambda: permutations([1], 'a'))
t(lambda: permutations([1], -1))
t(lambda: permutations([1], 2.0))

# results are fresh tuples
p = product('ab', repeat=2)
a, b = next(p), next(p)
print(a, b, a is b)

# consistency with the recipes
def my_perms(pool, r):
    n = len(pool)
    for idx in product(range(n), repeat=r):
        if len(set(idx)) == r:
            yield tuple(pool[i] for i in idx)
for n in range(4):
    for r in range(5):
        pool = list(range(n))
        assert list(permutations(pool, r)) == list(my_perms(pool, r)), (n, r)
        assert list(combinations(pool, r)) == [p for p in permutations(pool, r) if sorted(p) == list(p)]
        assert list(combinations_with_replacement(pool, r)) == [p for p in product(pool, repeat=r) if sorted(p) == list(p)]
print('recipes ok')
