# Generators: a pipeline of generator functions, generator expressions, and
# delegation with yield from.


def numbers(n):
    for i in range(n):
        yield i


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def squared(source):
    for x in source:
        yield x * x


def chunks(n, size):
    for start in range(0, n, size):
        yield from numbers_between(start, min(start + size, n))


def numbers_between(a, b):
    i = a
    while i < b:
        yield i
        i += 1


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield from tree(depth - 1)
    yield depth
    yield from tree(depth - 1)


total = sum(squared(evens(numbers(900000))))
total2 = sum(x for x in chunks(900000, 1000) if x % 3 == 0)
total3 = sum(tree(17))
total4 = max(x * 2 for x in range(600000))
print(total, total2, total3, total4)
