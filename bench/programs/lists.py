# List work: append, indexing and slicing, sort, comprehensions, reverse,
# in-place updates, and pop.


def work(n):
    data = []
    for i in range(n):
        data.append((i * 7919) % 10007)
    squares = [x * x for x in data if x & 1]
    for i in range(len(data)):
        data[i] = data[i] + data[i - 1] % 13
    data.sort()
    middle = data[len(data) // 4: 3 * len(data) // 4]
    middle.reverse()
    nested = [[j for j in range(i % 8)] for i in range(n // 10)]
    flat = [x for row in nested for x in row]
    stack = list(range(n // 2))
    popped = 0
    while stack:
        popped += stack.pop()
    return data[0], data[-1], sum(squares) % 1000003, middle[0], len(flat), sum(flat), popped


for _ in range(6):
    result = work(100000)
print(result)
