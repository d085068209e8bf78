"""Each thread builds, updates and reads its own dicts with int and str keys."""


def work():
    total = 0
    names = ["name%d" % i for i in range(500)]
    for round_ in range(1000):
        by_int = {}
        by_name = {}
        for i in range(500):
            by_int[i * 31] = i
            by_name[names[i]] = by_name.get(names[i], round_) + i
        counts = {}
        for key in by_int:
            counts[key & 15] = counts.get(key & 15, 0) + 1
        total += len(by_int) + sum(by_name.values()) + counts[0]
    return total
