# A lock-protected counter incremented by many threads; RLock re-entry; lock timeouts.
import _thread, time
N_THREADS, N = 8, 5000
count = 0
lock = _thread.allocate_lock()
rlock = _thread.RLock()
ends = []
done = _thread.allocate_lock()
done.acquire()

def nested(depth):
    with rlock:
        if depth:
            nested(depth - 1)

def worker():
    global count
    for _ in range(N):
        with lock:
            count += 1
    nested(5)
    with lock:
        ends.append(_thread.get_ident())
        if len(ends) == N_THREADS:
            done.release()

for _ in range(N_THREADS):
    _thread.start_new_thread(worker, ())
done.acquire()
# (idents of finished threads may be reused by CPython, so only the count is checked)
print(count, count == N_THREADS * N, len(ends) == N_THREADS)
l = _thread.allocate_lock()
l.acquire()
t0 = time.monotonic() if hasattr(time, 'monotonic') else 0
print(l.acquire(timeout=0.05), l.acquire(False), l.locked())
l.release()
print(l.locked())
try:
    l.release()
except RuntimeError as e:
    print(type(e).__name__, e)
