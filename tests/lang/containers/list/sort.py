# list.sort and sorted
class Rand:
    def __init__(self, seed): self.state = seed
    def seed(self, s): self.state = s
    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return self.state >> 33
    def randrange(self, n): return self.next() % n
    def random(self): return self.next() / 2**31
    def shuffle(self, l):
        for i in range(len(l) - 1, 0, -1):
            j = self.randrange(i + 1)
            l[i], l[j] = l[j], l[i]
random = Rand(1)
def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

random.seed(12345)
for n in [0, 1, 2, 3, 10, 31, 32, 33, 64, 65, 100, 257, 1000, 5000]:
    data = [random.randrange(n // 3 + 1) for _ in range(n)]
    s = sorted(data)
    assert s == sorted(data, key=lambda x: x)
    l = data[:]
    l.sort()
    print(n, l == s, all(s[i] <= s[i + 1] for i in range(len(s) - 1)), s[:5])
    # stability: sort pairs by first only
    pairs = [(x, i) for i, x in enumerate(data)]
    sp = sorted(pairs, key=lambda p: p[0])
    print(sp == sorted(pairs), sorted(pairs, key=lambda p: p[0], reverse=True)[:4])
    print(sorted(data, reverse=True)[:5] == s[::-1][:5])

# natural runs
asc = list(range(1000)); desc = asc[::-1]
print(sorted(desc) == asc, sorted(asc + desc)[:4], sorted(desc + asc)[-4:])
saw = [i % 50 for i in range(1000)]
print(sorted(saw)[:60:10])
# reverse stability
data = [(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd'), (1, 'e')]
print(sorted(data, key=lambda p: p[0], reverse=True))
print(sorted(data, key=lambda p: p[0]))
# floats, strings, mixed int/float, bools, tuples
print(sorted([3.5, -1, 2, 0.5, True, False]))
print(sorted(['b', 'a', 'ab', '', 'B', 'é', 'z']))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')]))
print(sorted([2**70, -2**70, 5, 2**64, -1]))
print(sorted([b'b', b'a', b'ab']))
print(sorted([[2], [1, 2], [1]]))
print(sorted("hello world"))
print(sorted({3: 1, 1: 2, 2: 3}), sorted({5, 3, 9}), sorted((3, 2, 1)))
# errors
err(sorted, [1, 'a'])
err(sorted, [1, 2, 'a', 3])
err([1, None].sort)
err(sorted)
err(sorted, [1], None)
err(sorted, [1], key=1)
err(sorted, [3, 1], lambda x: x)
err([].sort, 1)
err([3, 1].sort, key=None, reverse=None)
err([3, 1].sort, reverse=2)
err([3, 1].sort, foo=1)
l = [3, 1, 2]
l.sort(reverse=1); print(l)
l.sort(key=None); print(l)
l.sort(key=str.lower) if False else l.sort(key=lambda x: -x); print(l)
# comparison raising: list keeps all elements
class C:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        if self.v == 3 or o.v == 3: raise ValueError('no 3')
        return self.v < o.v
    def __repr__(self): return f'C{self.v}'
l = [C(5), C(1), C(3), C(2), C(4)]
err(l.sort)
print(sorted(l, key=lambda c: c.v) == sorted(l, key=lambda c: c.v), len(l), sorted(c.v for c in l))
# key raising
l = [3, 1, 2]
err(l.sort, key=lambda x: 1 / (x - 2))
print(l)
# list modified during sort
l = [3, 1, 2]
def key(x):
    l.append(x)
    return x
err(l.sort, key=key)
print(l)
l = [3, 1, 2]
def key2(x):
    l.clear()
    return x
err(l.sort, key=key2)
print(l)
class Mut:
    def __init__(self, v, lst): self.v = v; self.lst = lst
    def __lt__(self, o):
        self.lst.append(0)
        return self.v < o.v
    def __repr__(self): return f'M{self.v}'
l = []
l.extend([Mut(2, l), Mut(1, l), Mut(3, l)])
err(l.sort)
print(l)
# during sort the list appears empty
l = [3, 1, 2]
def key3(x):
    print('len during sort', len(l), l)
    return x
l.sort(key=key3); print(l)
# only __gt__ defined: sort uses __lt__ reflected
class G:
    def __init__(self, v): self.v = v
    def __gt__(self, o): return self.v > o.v
    def __repr__(self): return f'G{self.v}'
print(sorted([G(2), G(1), G(3)]))
# key calls count
calls = []
def k(x):
    calls.append(x); return x
sorted([5, 4, 3, 2, 1], key=k); print(calls)
# sort of list subclass
class L(list): pass
m = L([3, 2, 1]); m.sort(); print(m, type(m).__name__)
print(type(sorted(L([2, 1]))).__name__)
# huge run of equal keys
print(sorted([1] * 100 + [0] * 100)[99:101])
# many comparisons count should be reasonable for sorted input (adaptive)
count = 0
class Cnt:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        global count; count += 1
        return self.v < o.v
data = [Cnt(i) for i in range(1000)]
count = 0; data.sort(); print('sorted input comparisons', count)
data.reverse(); count = 0; data.sort(); print('reversed input comparisons', count)
random.seed(7); random.shuffle(data); count = 0; data.sort(); print('random input comparisons', count)
data = [Cnt(i % 100) for i in range(1000)]; count = 0; data.sort(); print('sawtooth comparisons', count)
data = [Cnt(i) for i in range(500)] + [Cnt(i) for i in range(500, 0, -1)]; count = 0; data.sort(); print('updown', count)
random.seed(9); data = [Cnt(random.random()) for i in range(2000)]; count = 0; data.sort(); print('rand2000', count)
data = [Cnt(i) for i in range(0, 2000, 2)] + [Cnt(i) for i in range(1, 2000, 2)]; count = 0; data.sort(); print('interleave', count)
