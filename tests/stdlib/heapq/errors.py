import _heapq

fs = [
    (_heapq.heappush, ([], )), (_heapq.heappush, (1, 2)), (_heapq.heappush, ((), 2)), (_heapq.heappush, ()),
    (_heapq.heappop, ([],)), (_heapq.heappop, (1,)), (_heapq.heappop, ()), (_heapq.heapify, (1,)),
    (_heapq.heapify, ([], 1)), (_heapq.heapreplace, ([], 1)), (_heapq.heapreplace, (1, 1)),
    (_heapq.heappushpop, ({}, 1)), (_heapq._heappop_max, ([],)), (_heapq._heapreplace_max, ([], 1)),
    (_heapq._heapify_max, ('abc',)), (_heapq._heappop_max, (None,)),
]
for f, args in fs:
    try:
        print(f.__name__, f(*args))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)
try:
    _heapq.heappush(h=[], item=1)
except TypeError as e:
    print('TypeError', e)

# Incomparable items.
for f, h, args in ((_heapq.heappush, [1, 2], ('x',)), (_heapq.heapify, [1, 'a', 2], ()), (_heapq.heappop, [1, 2, 'x'], ()),
                   (_heapq.heappushpop, [1], ('a',)), (_heapq.heapreplace, [1, 2, 'a'], (3,)), (_heapq._heapify_max, [1, None, 3], ())):
    try:
        f(h, *args)
    except TypeError as e:
        print(f.__name__, 'TypeError', e, h)


class Raiser:
    def __lt__(self, other):
        raise ZeroDivisionError('cmp')


for f, args in ((_heapq.heappush, ([Raiser()], Raiser())), (_heapq.heapify, ([Raiser(), Raiser(), Raiser()],)),
                (_heapq.heappushpop, ([Raiser()], Raiser()))):
    try:
        f(*args)
    except ZeroDivisionError as e:
        print(f.__name__, 'ZeroDivisionError', e)

# Lists mutated during comparison never crash.
class Mutator:
    def __init__(self, heap, action, v):
        self.heap, self.action, self.v = heap, action, v

    def __lt__(self, other):
        if self.action == 'clear':
            self.heap.clear()
        elif self.action == 'append':
            self.heap.append(Mutator(self.heap, None, 0))
        elif self.action == 'pop' and self.heap:
            self.heap.pop()
        elif self.action == 'replace':
            self.heap[:] = [Mutator(self.heap, None, i) for i in range(len(self.heap))]
        ov = other.v if isinstance(other, Mutator) else other
        return self.v < ov


for action in ('clear', 'append', 'pop', 'replace'):
    for op in ('push', 'pop', 'heapify', 'pushpop', 'replace', 'heapify_max', 'pop_max', 'replace_max'):
        h = []
        h.extend(Mutator(h, action, v) for v in (5, 3, 8, 1, 9, 2, 7))
        try:
            if op == 'push':
                _heapq.heappush(h, Mutator(h, action, 0))
            elif op == 'pop':
                _heapq.heappop(h)
            elif op == 'heapify':
                _heapq.heapify(h)
            elif op == 'pushpop':
                _heapq.heappushpop(h, Mutator(h, action, 10))
            elif op == 'replace':
                _heapq.heapreplace(h, Mutator(h, action, 10))
            elif op == 'heapify_max':
                _heapq._heapify_max(h)
            elif op == 'pop_max':
                _heapq._heappop_max(h)
            else:
                _heapq._heapreplace_max(h, Mutator(h, action, 0))
            print(action, op, 'ok', len(h))
        except Exception as e:
            print(action, op, type(e).__name__, e, len(h))
