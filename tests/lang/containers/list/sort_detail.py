# timsort details: comparison sequences and the list state after a comparison
# fails midway must match CPython's exactly.
class Rand:
    def __init__(self, seed): self.state = seed
    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return self.state >> 33
    def randrange(self, n): return self.next() % n

rng = Rand(42)

class Boom(Exception):
    pass

class K:
    budget = -1
    count = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        K.count += 1
        if K.count == K.budget:
            raise Boom
        return self.v < o.v
    def __repr__(self): return str(self.v)

def pattern(name, n):
    if name == 'random': return [rng.randrange(1000) for _ in range(n)]
    if name == 'few': return [rng.randrange(4) for _ in range(n)]
    if name == 'asc': return list(range(n))
    if name == 'desc': return list(range(n, 0, -1))
    if name == 'saw': return [i % 37 for i in range(n)]
    if name == 'runs': return sorted(rng.randrange(100) for _ in range(n // 2)) + sorted(rng.randrange(100) for _ in range(n - n // 2))
    if name == 'blocks': return [(i // 50) * ((-1) ** (i // 50)) for i in range(n)]
    if name == 'almost': 
        l = list(range(n))
        for _ in range(5):
            i, j = rng.randrange(n), rng.randrange(n)
            l[i], l[j] = l[j], l[i]
        return l
    if name == 'gallop':
        return list(range(0, n, 2)) + list(range(1, 40, 2)) + list(range(n, 2 * n))
    raise ValueError(name)

for name in ['random', 'few', 'asc', 'desc', 'saw', 'runs', 'blocks', 'almost', 'gallop']:
    for n in [5, 63, 64, 65, 130, 700, 3000]:
        data = pattern(name, n)
        K.count = 0; K.budget = -1
        keys = [K(v) for v in data]
        keys.sort()
        total = K.count
        ok = [k.v for k in keys] == sorted(data)
        # fail at a few points along the way and show a digest of the state
        digests = []
        for frac in (3, 2):
            K.count = 0; K.budget = max(1, total // frac)
            l = [K(v) for v in data]
            try:
                l.sort()
            except Boom:
                pass
            vals = [k.v for k in l]
            digests.append((sorted(vals) == sorted(data), sum(i * v for i, v in enumerate(vals)) % 1000003))
        K.count = 0; K.budget = -1
        keys = [K(v) for v in data]
        keys.sort(reverse=True)
        rtotal = K.count
        print(name, n, ok, total, rtotal, digests)

# key function plus comparisons on a failing key
l = list(range(20))
calls = []
def key(x):
    calls.append(x)
    if x == 7: raise Boom
    return -x
try:
    l.sort(key=key)
except Boom:
    print('key raised', calls, l)
# small exact states after failure
for budget in range(1, 12):
    K.count = 0; K.budget = budget
    l = [K(v) for v in [5, 3, 8, 1, 9, 2, 7]]
    try:
        l.sort()
    except Boom:
        print(budget, l)
K.budget = -1
