# Lock, RLock, Condition, Event, Semaphore, BoundedSemaphore, Barrier.
import threading

lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print(type(e).__name__, e)
with lock:
    print('in with', lock.locked())

r = threading.RLock()
with r:
    with r:
        print('nested rlock', r._is_owned())
print(r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print(type(e).__name__, e)
# An RLock held by another thread cannot be released here.
holder_ready, finish = threading.Event(), threading.Event()


def hold():
    with r:
        holder_ready.set()
        finish.wait()


h = threading.Thread(target=hold)
h.start()
holder_ready.wait()
print(r.acquire(blocking=False), r.acquire(timeout=0.01))
try:
    r.release()
except RuntimeError as e:
    print(type(e).__name__, e)
finish.set()
h.join()
print(r.acquire(False))
r.release()

# Condition: producer/consumer through a bounded buffer.
cond = threading.Condition()
buf, consumed = [], []
N = 200


def producer():
    for i in range(N):
        with cond:
            while len(buf) >= 5:
                cond.wait()
            buf.append(i)
            cond.notify_all()


def consumer():
    while True:
        with cond:
            while not buf:
                cond.wait()
            item = buf.pop(0)
            cond.notify_all()
        if item is None:
            return
        consumed.append(item)


cs = [threading.Thread(target=consumer) for _ in range(3)]
p = threading.Thread(target=producer)
for t in cs + [p]:
    t.start()
p.join()
for _ in cs:
    with cond:
        while len(buf) >= 5:
            cond.wait()
        buf.append(None)
        cond.notify_all()
for t in cs:
    t.join()
print(len(consumed), sorted(consumed) == list(range(N)))
with cond:
    print(cond.wait(0.01), cond.wait_for(lambda: True), cond.wait_for(lambda: False, timeout=0.01))
try:
    cond.notify()
except RuntimeError as e:
    print(type(e).__name__, e)

# Event.
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
waiters = [threading.Thread(target=ev.wait) for _ in range(4)]
for t in waiters:
    t.start()
ev.set()
for t in waiters:
    t.join()
print(ev.is_set(), ev.wait(), [t.is_alive() for t in waiters])
ev.clear()
print(ev.is_set())

# Semaphore: at most 2 workers inside at once.
sem = threading.Semaphore(2)
inside, peak = [0], [0]
count_lock = threading.Lock()


def limited():
    for _ in range(50):
        with sem:
            with count_lock:
                inside[0] += 1
                peak[0] = max(peak[0], inside[0])
            with count_lock:
                inside[0] -= 1


ws = [threading.Thread(target=limited) for _ in range(6)]
for t in ws:
    t.start()
for t in ws:
    t.join()
print(peak[0] <= 2, inside[0])
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False), sem.acquire(timeout=0.01))
sem.release(2)
bs = threading.BoundedSemaphore(1)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print(type(e).__name__, e)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print(type(e).__name__, e)

# Barrier: every party sees the same generation; one gets index 0.
barrier = threading.Barrier(4)
indices = []
ilock = threading.Lock()


def at_barrier():
    i = barrier.wait()
    with ilock:
        indices.append(i)


bt = [threading.Thread(target=at_barrier) for _ in range(4)]
for t in bt:
    t.start()
for t in bt:
    t.join()
print(sorted(indices), barrier.n_waiting, barrier.broken)
