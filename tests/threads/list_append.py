# Several threads append to one shared list; no append may be lost.
import _thread
N_THREADS, N_ITEMS = 8, 20000
shared = []
done = _thread.allocate_lock()
remaining = [N_THREADS]
count_lock = _thread.allocate_lock()
done.acquire()

def worker(tid):
    for i in range(N_ITEMS):
        shared.append((tid, i))
    with count_lock:
        remaining[0] -= 1
        if remaining[0] == 0:
            done.release()

for t in range(N_THREADS):
    _thread.start_new_thread(worker, (t,))
done.acquire()
print(len(shared), len(shared) == N_THREADS * N_ITEMS)
per_thread = {}
for tid, i in shared:
    per_thread.setdefault(tid, []).append(i)
# Each thread's items appear in its own order.
print(all(v == list(range(N_ITEMS)) for v in per_thread.values()), len(per_thread))
