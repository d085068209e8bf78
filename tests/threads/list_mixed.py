# All at once on one list: appends, pops, inserts, removes, sorts, reversals
# and slice assignments from different threads; every item is accounted for
# exactly once at the end.
import threading

NTHREADS = 6
N = 3000

def run_threads(fn):
    # Runs fn(0) .. fn(NTHREADS - 1) together (a barrier starts them); failures are printed.
    barrier = threading.Barrier(NTHREADS)
    failures = []
    def body(t):
        try:
            barrier.wait()
            fn(t)
        except BaseException as e:
            failures.append(repr(e))
    threads = [threading.Thread(target=body, args=(t,)) for t in range(NTHREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    if failures:
        print('thread failures:', failures)

shared = list(range(-500, 0))
side = [-1] * 100
popped = [[] for _ in range(NTHREADS)]
def worker(t):
    mine = popped[t]
    for i in range(N):
        item = t * N + i
        op = (i + t) % 6
        if op == 0:
            shared.append(item)
        elif op == 1:
            shared.insert(i % 7, item)
        elif op == 2:
            # removals elsewhere shift the item while remove() looks for it;
            # nobody else takes it, so it is found
            side.append(item)
            side.insert(0, -1)
            del side[0]
            side.remove(item)
        elif op == 3:
            shared.append(item)
            try:
                mine.append(shared.pop())
            except IndexError:
                pass
        elif op == 4:
            shared.insert(0, item)
            if t % 2:
                shared.sort()
            else:
                shared.reverse()
        else:
            shared[0:0] = [item]
            try:
                mine.append(shared.pop(0))
            except IndexError:
                pass
run_threads(worker)
expected = set(range(-500, 0))
for t in range(NTHREADS):
    for i in range(N):
        if (i + t) % 6 != 2:
            expected.add(t * N + i)
everything = shared + [x for p in popped for x in p]
print(len(everything) == len(expected), sorted(everything) == sorted(expected))
print(len(shared) == len(expected) - sum(len(p) for p in popped), side == [-1] * 100)

# remove() of items that other threads' removals shift towards the front
pool = list(range(2000))
def remover(t):
    for x in range(t, 2000, NTHREADS):
        pool.remove(x)
run_threads(remover)
print(pool)

# count, index and `in` while the list changes (they read one item at a time,
# so they may miss an item that moves; they never crash or see a foreign one)
stable = ['a', 'b', 'c'] * 100
stop = [False]
bad = []
def reader(t):
    if t == 0:
        for i in range(N):
            stable.append('x')
            stable.insert(0, 'y')
            stable.remove('x')
            stable.remove('y')
        stop[0] = True
    else:
        while not stop[0]:
            stable.count('a')
            if 'c' not in stable:
                bad.append('in')
            if stable.index('b') > 10:
                bad.append('index')
            if 'z' in stable:
                bad.append('z')
run_threads(reader)
print(bad[:5], stable == ['a', 'b', 'c'] * 100)
