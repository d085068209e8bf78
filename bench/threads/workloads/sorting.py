"""Sorting per-thread lists of ints, strings and tuples, with and without key functions."""


def pseudo_random(n, seed):
    values = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        values.append(x % 100000)
    return values


def work():
    total = 0
    for round_ in range(14):
        ints = pseudo_random(20000, round_)
        total += sorted(ints)[10000]
        words = [str(v) for v in ints[:5000]]
        words.sort()
        total += len(words[2500])
        pairs = [(v % 100, v) for v in ints[:5000]]
        pairs.sort(key=lambda p: (p[1] % 7, p))
        total += pairs[0][1] + pairs[-1][1]
    return total
