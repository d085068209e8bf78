# Threads set attributes on shared objects and read class attributes while
# another thread mutates the class; no crash, each thread's own writes survive.
import _thread
class Box:
    kind = 'box'
    def get(self):
        return self.kind
boxes = [Box() for _ in range(64)]
lock = _thread.allocate_lock()
finished = []
done = _thread.allocate_lock()
done.acquire()
N_THREADS = 6

def worker(tid):
    seen = set()
    for i in range(3000):
        b = boxes[i % 64]
        setattr(b, f'attr{tid}', i)
        seen.add(b.get())
        if tid == 0 and i % 100 == 0:
            Box.kind = 'box' if (i // 100) % 2 else 'crate'
    with lock:
        finished.append((tid, seen <= {'box', 'crate'}))
        if len(finished) == N_THREADS:
            done.release()

for t in range(N_THREADS):
    _thread.start_new_thread(worker, (t,))
done.acquire()
print(sorted(finished))
print(all(getattr(b, f'attr{t}') == 2944 + (boxes.index(b)) for t in range(N_THREADS) for b in boxes[:1]))
print(all(len([k for k in vars(b) if k.startswith('attr')]) == N_THREADS for b in boxes))
