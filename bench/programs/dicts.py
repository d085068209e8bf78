# Dict work: insert, lookup, update, delete and iterate, with str and int keys.


def int_keys(n):
    d = {}
    for i in range(n):
        d[i * 31 % n] = i
    hits = 0
    for i in range(0, 2 * n, 3):
        if i in d:
            hits += d[i]
    for i in range(0, n, 4):
        del d[i]
    total = 0
    for k, v in d.items():
        total += k ^ v
    return len(d), hits, total


def str_keys(n):
    keys = ["k%d" % i for i in range(n)]
    d = {}
    for k in keys:
        d[k] = d.get(k, 0) + 1
    for k in keys[::2]:
        d[k] += 1
    counts = {}
    for k in d:
        counts[d[k]] = counts.get(d[k], 0) + 1
    merged = dict(d)
    merged.update({k: 0 for k in keys[:1000]})
    return len(d), sorted(counts.items()), sum(merged.values())


for _ in range(6):
    a = int_keys(100000)
    b = str_keys(50000)
print(a, b)
