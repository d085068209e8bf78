# Several threads adding, discarding and iterating one set; exact contents at the end.
import _thread

NTHREADS = 4
N = 6000

def run_threads(fn):
    # Runs fn(0) .. fn(NTHREADS - 1) in threads; an exception in any of them is printed.
    locks = []
    failures = []
    for t in range(NTHREADS):
        done = _thread.allocate_lock()
        done.acquire()
        locks.append(done)
        def body(t=t, done=done):
            try:
                fn(t)
            except BaseException as e:
                failures.append(repr(e))
            finally:
                done.release()
        _thread.start_new_thread(body, ())
    for done in locks:
        done.acquire()
    if failures:
        print('thread failures:', failures)

s = set()
def adder(t):
    for i in range(N):
        s.add(t * N + i)
        if i % 3 == 0:
            s.discard(t * N + i)
run_threads(adder)
expected = {t * N + i for t in range(NTHREADS) for i in range(N) if i % 3}
print(len(s) == len(expected), s == expected)

# the same keys from all threads: each present once
same = set()
def same_adder(t):
    for i in range(N):
        same.add(i % 1000)
        same.add((i % 7, t))
run_threads(same_adder)
print(len(same) == 1000 + 7 * NTHREADS)

# iteration while another thread mutates
shared = set(range(500))
stop = [False]
bad = []
def mixed(t):
    if t == 0:
        for i in range(N):
            shared.add(1000 + i % 300)
            shared.discard(1000 + i % 300)
        stop[0] = True
    else:
        while not stop[0]:
            try:
                for x in shared:
                    if not (0 <= x < 500 or 1000 <= x < 1300):
                        bad.append(x)
            except RuntimeError:
                pass
            len(shared)
            499 in shared
run_threads(mixed)
print(shared == set(range(500)), bad == [])

# pop from several threads removes every element exactly once
pool = set(range(N))
got = [[] for _ in range(NTHREADS)]
def popper(t):
    while True:
        try:
            got[t].append(pool.pop())
        except KeyError:
            break
run_threads(popper)
allgot = [x for g in got for x in g]
print(len(allgot) == N, sorted(allgot) == list(range(N)))

# set algebra against a set being mutated never crashes
base = set(range(200))
other = set(range(100, 300))
def algebra(t):
    for i in range(2000):
        if t == 0:
            other.add(300 + i)
            other.discard(300 + i)
        else:
            base | other
            base & other
            base - other
            base ^ other
            base.issubset(other)
run_threads(algebra)
print(other == set(range(100, 300)))
