# Deterministic pseudo-random workloads: printed sets must iterate in CPython's order.
class Rand:
    def __init__(self, seed): self.state = seed
    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return self.state >> 33
    def below(self, n): return self.next() % n

r = Rand(2024)
for trial in range(6):
    s = set()
    limit = [50, 200, 1000, 10**6, 2**40, 64][trial]
    for step in range(300):
        op = r.below(10)
        x = r.below(limit) - limit // 4
        if op < 5:
            s.add(x)
        elif op < 7:
            s.discard(x)
        elif op == 7:
            s.update(r.below(limit) for _ in range(5))
        elif op == 8 and s:
            s.pop()
        else:
            s.add((x, x % 7))
            s.discard((x - 1, (x - 1) % 7))
        if step % 60 == 59:
            print(trial, step, s)
    t = {r.below(limit) for _ in range(40)}
    print('ops', s & t, t & s, s | t, t - s, s ^ t, s.intersection(list(t)), s.difference(list(t)[:10]), s.symmetric_difference(list(t)))
    u = set(s); u &= t; print('iand', u)
    u = set(s); u -= t; print('isub', u)
    u = set(s); u ^= t; print('ixor', u)
    u = set(s); u |= t; print('ior', u)
    print('frozen', frozenset(s) == s, frozenset(s) | frozenset(t), hash(frozenset(t)))
print({x * x % 97 for x in range(200)})
print({(x % 5, x % 3) for x in range(30)})
print(set(range(0, 10000, 37)) & set(range(0, 10000, 41)))
print(set(range(100000, 100100)) - set(range(100050, 100200)))
print({-x for x in range(40)} | {x for x in range(-5, 5)})
print(set([2**64 + i for i in range(10)]), {2**32 * i for i in range(10)})
print(set(map(lambda x: (x, -x), range(12))))
d = dict.fromkeys(range(30, 0, -3)); print(set(d), set(d.items()) == set(d.items()), set(d.keys()))
print(set([1, 2, 3]).union({4: 0, 5: 0}, (6, 7), range(8, 10)))
print(frozenset(range(20)) ^ frozenset(range(10, 30)))
big = set(range(100))
for i in range(0, 100, 2):
    big.discard(i)
big.update(range(200, 210))
print(big)
small = {1, 2, 3}
print(small.intersection(range(10**6)), small.issubset(range(5)), {5, 6}.isdisjoint(range(5)))
