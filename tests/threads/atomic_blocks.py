# spindle.atomic(): while a block runs, no other thread executes Python code.
# Under CPython the worker threads take a lock that the fallback atomic() holds,
# which gives the same guarantee, so the outputs match; under Spindle the
# workers take no lock at all and the block alone must stop them.
import contextlib
import queue
import threading
import time

try:
    from spindle import atomic, is_atomic
    SPINDLE = True
    worker_guard = contextlib.nullcontext
except ImportError:
    SPINDLE = False
    world = threading.RLock()
    depth = [0]

    @contextlib.contextmanager
    def atomic():
        with world:
            depth[0] += 1
            try:
                yield
            finally:
                depth[0] -= 1

    def is_atomic():
        return depth[0] > 0

    worker_guard = lambda: world

counter = [0]
stop = threading.Event()


def bump():
    while not stop.is_set():
        with worker_guard():
            for _ in range(50):
                counter[0] += 1


workers = [threading.Thread(target=bump) for _ in range(4)]
for w in workers:
    w.start()

# A thread blocked in a lock, a sleep and a queue must not keep a block from starting.
held = threading.Lock()
held.acquire()
q = queue.Queue()
blocked = [threading.Thread(target=held.acquire), threading.Thread(target=time.sleep, args=(0.3,)),
           threading.Thread(target=q.get)]
for b in blocked:
    b.start()

violations = 0
for _ in range(100):
    with atomic():
        before = counter[0]
        total = 0
        for i in range(300):
            total += i
        if counter[0] != before:
            violations += 1
print("reads changed inside a block:", violations)

with atomic():
    with atomic():
        print("nested:", is_atomic())
    print("after inner exit:", is_atomic())
print("after outer exit:", is_atomic())

try:
    with atomic():
        raise ValueError("inside")
except ValueError as e:
    print("exception left the block:", e, is_atomic())


def deadlocks(wait):
    try:
        with atomic():
            if SPINDLE:
                wait()
                return False
            return True
    except RuntimeError as e:
        return "spindle.atomic()" in str(e)


print("lock held by a stopped thread:", deadlocks(held.acquire))
print("empty queue:", deadlocks(q.get))
print("timed acquire inside a block:", atomic is not None and held.acquire(timeout=0.01))

# The other threads run again after the block.
seen = counter[0]
time.sleep(0.05)
print("workers resumed:", counter[0] > seen)

stop.set()
held.release()
q.put(None)
for t in workers + blocked:
    t.join()
print("done")
