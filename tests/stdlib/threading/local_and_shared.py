# threading.local per-thread state, and threads appending to a shared list.
import threading

data = threading.local()
data.x = 'main'
seen = []
seen_lock = threading.Lock()


def worker(i):
    print_missing = not hasattr(data, 'x')
    data.x = i
    for _ in range(100):
        data.x += 1
    with seen_lock:
        seen.append((i, data.x, print_missing))


ts = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen), data.x)


class MyLocal(threading.local):
    initial = 'class attr'

    def __init__(self, start):
        self.value = start
        self.inits = getattr(self, 'inits', 0) + 1

    def bump(self):
        self.value += 1
        return self.value


ml = MyLocal(10)
ml.bump()
out = []


def use_mylocal():
    out.append((ml.value, ml.inits, ml.bump(), ml.initial))


t = threading.Thread(target=use_mylocal)
t.start()
t.join()
print(out, ml.value, ml.inits)
try:
    threading.local(1)
except TypeError as e:
    print(type(e).__name__, e)

# Many threads appending to one list: nothing is lost.
shared = []
N_THREADS, N = 8, 2000


def append_many(tag):
    for i in range(N):
        shared.append((tag, i))


ts = [threading.Thread(target=append_many, args=(k,)) for k in range(N_THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(shared), len(set(shared)) == N_THREADS * N)
per_thread = {}
for tag, i in shared:
    per_thread.setdefault(tag, []).append(i)
print(all(v == list(range(N)) for v in per_thread.values()))

# A lock-protected shared counter.
counter = [0]
lock = threading.Lock()


def incr():
    for _ in range(N):
        with lock:
            counter[0] += 1


ts = [threading.Thread(target=incr) for _ in range(N_THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter[0])
