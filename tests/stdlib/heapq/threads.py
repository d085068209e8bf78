# Concurrent heap operations on one shared list, with another thread clearing
# it: results are unspecified, but nothing may crash and errors are the
# documented ones.
import _heapq
import threading

heap = []
allowed = (IndexError, RuntimeError)
unexpected = []


def worker(seed):
    x = seed
    for i in range(3000):
        x = (x * 1103515245 + 12345) % 2**31
        try:
            op = x % 5
            if op == 0:
                _heapq.heappop(heap)
            elif op == 1:
                _heapq.heapreplace(heap, x % 100)
            elif op == 2:
                _heapq.heappushpop(heap, x % 100)
            else:
                _heapq.heappush(heap, x % 100)
        except allowed:
            pass
        except Exception as e:
            unexpected.append(e)


def clearer():
    for i in range(300):
        try:
            if i % 3 == 0:
                heap.clear()
            elif len(heap) < 50:
                _heapq.heapify(heap)
        except allowed:
            pass


threads = [threading.Thread(target=worker, args=(s,)) for s in range(4)] + [threading.Thread(target=clearer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('unexpected', unexpected)
print(all(isinstance(v, int) for v in heap))
