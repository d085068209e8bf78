# Several threads setting, deleting and iterating one dict; exact contents at the end.
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

d = {}
def writer(t):
    for i in range(N):
        d[(t, i)] = i
        if i % 2:
            del d[(t, i - 1)]
run_threads(writer)
print(len(d) == NTHREADS * N // 2)
print(all(d[(t, i)] == i for t in range(NTHREADS) for i in range(1, N, 2)))
print(all((t, i) not in d for t in range(NTHREADS) for i in range(0, N, 2)))

# string keys, setdefault and pop from several threads
counts = {}
def counter(t):
    for i in range(N):
        key = 'k%d' % (i % 100)
        counts.setdefault(key, t)
        counts.pop('tmp%d' % t, None)
        counts['tmp%d' % t] = i
run_threads(counter)
print(len([k for k in counts if k[0] == 'k']) == 100, all(counts['tmp%d' % t] == N - 1 for t in range(NTHREADS)))

# iteration while other threads mutate: RuntimeError or a consistent view, never a crash
shared = {i: i for i in range(500)}
stop = [False]
seen_errors = [0]
bad = []
def mixed(t):
    if t == 0:
        for i in range(N):
            shared[1000 + i % 500] = i
            del shared[1000 + i % 500]
        stop[0] = True
    else:
        while not stop[0]:
            try:
                for k, v in shared.items():
                    if k < 500 and v != k:
                        bad.append((k, v))
            except RuntimeError:
                seen_errors[0] += 1
            list(shared.values())
            len(shared)
run_threads(mixed)
print(shared == {i: i for i in range(500)}, bad == [])

# update and copy racing
target = {}
def updater(t):
    for i in range(200):
        target.update({(t, i, j): j for j in range(10)})
        target.copy()
        dict(target)
run_threads(updater)
print(len(target) == NTHREADS * 200 * 10)

# popitem from several threads removes every item exactly once
pool = {i: i for i in range(N)}
got = [[] for _ in range(NTHREADS)]
def popper(t):
    while True:
        try:
            got[t].append(pool.popitem()[0])
        except KeyError:
            break
run_threads(popper)
allgot = [k for g in got for k in g]
print(len(allgot) == N, sorted(allgot) == list(range(N)), pool == {})
