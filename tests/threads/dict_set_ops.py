# Concurrent dict and set writers on disjoint and shared keys; final contents checked.
import _thread
N_THREADS, N = 6, 5000
d = {}
s = set()
counter = {'hits': 0}
lock = _thread.allocate_lock()
finished = []
all_done = _thread.allocate_lock()
all_done.acquire()

def worker(tid):
    for i in range(N):
        d[(tid, i)] = i
        s.add(i % 1000)
        d.setdefault('shared', tid)
        if i % 2:
            d.pop((tid, i - 1), None)
        with lock:
            counter['hits'] += 1
    with lock:
        finished.append(tid)
        if len(finished) == N_THREADS:
            all_done.release()

for t in range(N_THREADS):
    _thread.start_new_thread(worker, (t,))
all_done.acquire()
print(len(d), len(d) == N_THREADS * N // 2 + 1)
print(sorted(s) == list(range(1000)), counter['hits'] == N_THREADS * N)
print(d['shared'] in range(N_THREADS))
print(all(d[(t, i)] == i for t in range(N_THREADS) for i in range(1, N, 2)))
