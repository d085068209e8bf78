# Attribute lookups racing with class mutation must only ever see values that
# were actually stored (inline caches keyed on type versions must not go stale).
import _thread

class Base:
    value = 0
    def method(self):
        return "m0"
class Derived(Base):
    pass

N_THREADS = 4
ITER = 3000
done = _thread.allocate_lock()
results = []
remaining = [N_THREADS]
counter_lock = _thread.allocate_lock()
allowed_values = set(range(0, 101))
allowed_methods = {"m0", "m1", "m2"}

def reader(idx):
    obj = Derived()
    bad = 0
    for i in range(ITER):
        v = obj.value
        m = obj.method()
        if v not in allowed_values or m not in allowed_methods:
            bad += 1
    with counter_lock:
        results.append(bad)
        remaining[0] -= 1
        if remaining[0] == 0:
            done.release()

done.acquire()
for i in range(N_THREADS):
    _thread.start_new_thread(reader, (i,))
for i in range(1, 101):
    Base.value = i
    Base.method = (lambda k: lambda self: "m%d" % k)(1 + i % 2)
done.acquire()
print(results, Derived().value, Derived().method())

# after all mutation, every thread observes the final state
final = []
remaining[0] = N_THREADS
def check(idx):
    obj = Derived()
    with counter_lock:
        final.append((obj.value, obj.method()))
        remaining[0] -= 1
        if remaining[0] == 0:
            done.release()
for i in range(N_THREADS):
    _thread.start_new_thread(check, (i,))
done.acquire()
print(final)

# instances gaining attributes concurrently: each thread its own object
objs = [Derived() for _ in range(N_THREADS)]
remaining[0] = N_THREADS
def setter(idx):
    o = objs[idx]
    for i in range(500):
        setattr(o, "a%d" % (i % 10), i)
    with counter_lock:
        remaining[0] -= 1
        if remaining[0] == 0:
            done.release()
for i in range(N_THREADS):
    _thread.start_new_thread(setter, (i,))
done.acquire()
print([sorted(vars(o).items())[:2] for o in objs])
