# Closures and lambdas: sorted(key=...) with lambdas and closures, map and
# filter with lambdas, nested functions capturing and rebinding (nonlocal).


def make_accumulator():
    total = 0

    def add(x):
        nonlocal total
        total += x
        return total
    return add


def make_key(weight):
    return lambda pair: (pair[1] * weight) % 101 - pair[0]


def run(n):
    records = [(i, (i * 7877) % 1009) for i in range(n)]
    by_second = sorted(records, key=lambda r: r[1])
    by_mixed = sorted(records, key=make_key(13))
    desc = sorted(records, key=lambda r: (-r[1], r[0]), reverse=False)
    acc = make_accumulator()
    for _, v in records:
        acc(v)
    evens = list(filter(lambda r: r[1] % 2 == 0, records))
    scaled = list(map(lambda r: r[0] * r[1], evens))
    return by_second[0], by_second[-1], by_mixed[0], desc[0], acc(0), len(evens), sum(scaled) % 1000003


for _ in range(3):
    result = run(60000)
print(result)
