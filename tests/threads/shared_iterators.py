# One iterator shared by several threads: sequence iterators hand out every
# item exactly once; dict and set iterators never crash.
import _thread

NTHREADS = 4

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

def drain(it):
    got = [[] for _ in range(NTHREADS)]
    def consumer(t):
        for x in it:
            got[t].append(x)
    run_threads(consumer)
    return [x for g in got for x in g]

N = 20000
for name, make in [('list', lambda: iter(list(range(N)))), ('tuple', lambda: iter(tuple(range(N)))),
                   ('range', lambda: iter(range(N))), ('reversed list', lambda: reversed(list(range(N)))),
                   ('bytes', lambda: iter(bytes(range(256)) * 20))]:
    items = drain(make())
    if name == 'bytes':
        print(name, len(items) == 5120, sorted(items) == sorted(bytes(range(256)) * 20))
    else:
        print(name, len(items) == N, sorted(items) == list(range(N)))

d = {i: i for i in range(N)}
items = drain(iter(d))
print('dict', sorted(items) == list(range(N)))
items = drain(iter(d.items()))
print('dict items', sorted(items) == [(i, i) for i in range(N)])
items = drain(reversed(d.values()))
print('dict reversed', sorted(items) == list(range(N)))
s = set(range(N))
items = drain(iter(s))
print('set', sorted(items) == list(range(N)))
