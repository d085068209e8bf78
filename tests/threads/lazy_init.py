# Lazy initialisation raced by several threads: patterns that are safe under
# CPython (cached_property's lock in 3.11, dict.setdefault, double-checked
# locking, lru_cache bookkeeping) stay safe; a bare `if x is None` check still
# hands every thread a complete object.
import functools
import threading

NTHREADS = 6

def run_threads(fn, n=NTHREADS):
    # Runs fn(0) .. fn(n - 1) together (a barrier starts them); returns their results.
    barrier = threading.Barrier(n)
    results = [None] * n
    def body(t):
        barrier.wait()
        try:
            results[t] = fn(t)
        except BaseException as e:
            results[t] = repr(e)
    threads = [threading.Thread(target=body, args=(t,)) for t in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return results

class Resource:
    created = 0
    created_lock = threading.Lock()
    def __init__(self, name):
        with Resource.created_lock:
            Resource.created += 1
        self.name = name
        total = 0
        for i in range(2000):  # slow enough that racing threads overlap
            total += i
        self.ready = True

# functools.cached_property computes once per instance (3.11 holds a lock)
class Holder:
    def __init__(self):
        self.computed = 0
    @functools.cached_property
    def resource(self):
        self.computed += 1
        return Resource('cached')
holders = [Holder() for _ in range(20)]
def use_cached(t):
    return all(h.resource.ready for h in holders)
print(run_threads(use_cached), [h.computed for h in holders] == [1] * 20,
      len({id(h.resource) for h in holders}) == 20)

# dict.setdefault registry: every thread gets the one stored object
registry = {}
def use_setdefault(t):
    got = []
    for i in range(200):
        got.append(registry.setdefault(i % 50, Resource(i)))
    return got
results = run_threads(use_setdefault)
print(all(r[k] is registry[k % 50] for r in results for k in range(200)), len(registry))

# double-checked locking: created exactly once, seen complete by everyone
Resource.created = 0
_instance = None
_instance_lock = threading.Lock()
def get_instance():
    global _instance
    inst = _instance
    if inst is None:
        with _instance_lock:
            inst = _instance
            if inst is None:
                inst = _instance = Resource('singleton')
    return inst
def use_singleton(t):
    seen = {id(get_instance()) for _ in range(500)}
    return len(seen) == 1 and get_instance().ready
print(run_threads(use_singleton), Resource.created)

# unsynchronised `if x is None`: creation may race, but every thread gets a
# complete object and the last one stored wins for everybody afterwards
Resource.created = 0
cache = [None]
def racy_get():
    if cache[0] is None:
        cache[0] = Resource('racy')
    return cache[0]
def use_racy(t):
    r = racy_get()
    return r.ready and r.name == 'racy'
print(run_threads(use_racy), 1 <= Resource.created <= NTHREADS, all(racy_get() is cache[0] for _ in range(10)))

# lru_cache: right results, and each call counted once as a hit or a miss
@functools.lru_cache(maxsize=32)
def square(n):
    return n * n
@functools.lru_cache(maxsize=None)
def cube(n):
    return n * n * n
CALLS = 3000
def use_lru(t):
    ok = True
    for i in range(CALLS):
        ok = ok and square(i % 64) == (i % 64) ** 2 and cube(i % 40) == (i % 40) ** 3
    return ok
print(run_threads(use_lru))
info = square.cache_info()
print(info.hits + info.misses == NTHREADS * CALLS, info.currsize <= 32)
info = cube.cache_info()
print(info.hits + info.misses == NTHREADS * CALLS, info.currsize, info.misses >= 40)

# a module attribute imported lazily inside a function by many threads
def lazy_json(t):
    import json
    return json.dumps([t])
print(run_threads(lazy_json))

# class-level lazy attribute set under a lock, read without one
class Settings:
    _loaded = None
    _lock = threading.Lock()
    @classmethod
    def get(cls):
        if cls._loaded is None:
            with cls._lock:
                if cls._loaded is None:
                    cls._loaded = {'a': 1, 'b': 2}
        return cls._loaded
def use_settings(t):
    return all(Settings.get() is Settings.get() and Settings.get()['b'] == 2 for _ in range(300))
print(run_threads(use_settings))
