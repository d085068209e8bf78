import _heapq
import heapq


def numbers(n, seed):
    x = seed
    out = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2**31
        out.append(x % 1000)
    return out


print(heapq.heappush is _heapq.heappush, heapq.heapify is _heapq.heapify)
for n in (0, 1, 2, 3, 10, 100, 3000):
    data = numbers(n, n)
    h = []
    for x in data:
        _heapq.heappush(h, x)
    h2 = list(data)
    _heapq.heapify(h2)
    print(n, h[:12], h2[:12], h == h2 if n < 3000 else sum(h2[:50]))
    out = [_heapq.heappop(h) for _ in range(len(h))]
    print(out == sorted(data), out[:10])
    m = list(data)
    _heapq._heapify_max(m)
    print(m[:12])
    if m:
        popped = [_heapq._heappop_max(m) for _ in range(min(len(m), 20))]
        print(popped)
        print(_heapq._heapreplace_max(m, 500) if m else None, m[:5])

h = [5, 1, 9, 3]
_heapq.heapify(h)
print(h, _heapq.heapreplace(h, 7), h, _heapq.heappushpop(h, 0), _heapq.heappushpop(h, 8), h)
print(_heapq.heappushpop([], 3))
print(heapq.nsmallest(3, numbers(50, 7)), heapq.nlargest(3, numbers(50, 7)), list(heapq.merge([1, 4], [2, 3])))
h = [(2, 'b'), (1, 'a'), (3, 'c')]
_heapq.heapify(h)
print([_heapq.heappop(h) for _ in range(3)])


class L(list):
    pass


h = L([3, 1, 2])
_heapq.heapify(h)
_heapq.heappush(h, 0)
print(type(h).__name__, list(h))

# Comparison counts follow CPython's algorithm.
count = 0


class C:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        global count
        count += 1
        return self.v < other.v


for n in (5, 50, 3000):
    count = 0
    h = [C(x) for x in numbers(n, 3)]
    _heapq.heapify(h)
    a = count
    for _ in range(min(n, 100)):
        _heapq.heappop(h)
    b = count
    _heapq.heappush(h, C(5))
    _heapq.heappushpop(h, C(900))
    _heapq.heapreplace(h, C(1))
    print(n, a, b, count)
    count = 0
    h = [C(x) for x in numbers(n, 4)]
    _heapq._heapify_max(h)
    _heapq._heappop_max(h)
    _heapq._heapreplace_max(h, C(2))
    print('max', count, h[0].v)
