import queue, _queue, threading, time
print(queue.SimpleQueue is _queue.SimpleQueue, queue.Empty is _queue.Empty, _queue.Empty.__module__, _queue.Empty.__mro__)
q = queue.SimpleQueue()
print(q.empty(), q.qsize())
q.put(1); q.put_nowait(2); q.put(3, block=False, timeout=5)
print(q.empty(), q.qsize(), q.get(), q.get_nowait(), q.get(False), q.empty())
for f in [lambda: q.get_nowait(), lambda: q.get(False), lambda: q.get(timeout=0.01), lambda: q.get(True, 0),
          lambda: q.get(timeout=-1), lambda: q.get(1, 2, 3), lambda: q.put(), lambda: q.get(timeout='x')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t0 = time.monotonic(); 
try:
    q.get(timeout=0.2)
except queue.Empty:
    print('waited', 0.15 < time.monotonic() - t0 < 2)
out = []
def consumer():
    while True:
        v = q.get()
        if v is None: break
        out.append(v)
cs = [threading.Thread(target=consumer) for _ in range(4)]
for c in cs: c.start()
# the blocked consumers must not stop this thread from working
s = sum(range(100000))
for i in range(1000): q.put(i)
for c in cs: q.put(None)
for c in cs: c.join()
print(s, len(out), sorted(out) == list(range(1000)))
print(queue.SimpleQueue[int])
class Sub(queue.SimpleQueue): pass
x = Sub(); x.put('a'); print(x.get())
q2 = queue.Queue(); q2.put(5); print(q2.get(), q2.empty())
