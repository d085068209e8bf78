"""Generator pipelines, generator expressions and closures with nonlocal state."""


def numbers(n):
    for i in range(n):
        yield i


def evens(source):
    for value in source:
        if value % 2 == 0:
            yield value


def make_accumulator():
    total = 0

    def add(value):
        nonlocal total
        total += value
        return total

    return add


def work():
    result = 0
    for round_ in range(270):
        add = make_accumulator()
        for value in evens(numbers(10000)):
            add(value)
        scale = round_ + 1
        result += add(0) + sum(v * scale for v in range(2000))
    return result
