# A thread pool hammers a shared dict of counters under a threading.Lock;
# totals are exact. Also: Counter and defaultdict under a lock, results
# gathered through futures, and an RLock-protected nested update.
import collections
import concurrent.futures
import threading

WORKERS = 6
TASKS = 60
N = 500

counters = {}
lock = threading.Lock()
def task(k):
    for i in range(N):
        key = 'c%d' % (i % 10)
        with lock:
            counters[key] = counters.get(key, 0) + 1
    return k

tallies = collections.Counter()
groups = collections.defaultdict(list)
rlock = threading.RLock()
def nested_add(k, i):
    with rlock:
        tallies[i % 7] += 1
        if i % 50 == 0:
            with rlock:
                groups[k % 5].append(i)
def task2(k):
    for i in range(N):
        nested_add(k, i)
    return k * k

with concurrent.futures.ThreadPoolExecutor(max_workers=WORKERS) as pool:
    first = list(pool.map(task, range(TASKS)))
    futures = [pool.submit(task2, k) for k in range(TASKS)]
    second = [f.result() for f in concurrent.futures.as_completed(futures)]

print(first == list(range(TASKS)), sorted(second) == [k * k for k in range(TASKS)])
print(sorted(counters.items()))
print(sum(counters.values()) == TASKS * N)
print(sorted(tallies.items()), sum(tallies.values()) == TASKS * N)
print({g: len(v) for g, v in sorted(groups.items())})

# a per-key lock table created on demand with setdefault
key_locks = {}
values = collections.defaultdict(int)
def keyed(k):
    for i in range(N):
        key = i % 4
        with key_locks.setdefault(key, threading.Lock()):
            values[key] += 1
with concurrent.futures.ThreadPoolExecutor(max_workers=WORKERS) as pool:
    list(pool.map(keyed, range(TASKS // 2)))
print(dict(values), len(key_locks))

# exceptions raised in tasks come back through their futures
def maybe_fail(k):
    if k % 5 == 0:
        raise ValueError(k)
    with lock:
        counters['ok'] = counters.get('ok', 0) + 1
    return k
with concurrent.futures.ThreadPoolExecutor(max_workers=WORKERS) as pool:
    fs = [pool.submit(maybe_fail, k) for k in range(TASKS)]
    errors = sorted(f.exception().args[0] for f in fs if f.exception() is not None)
print(errors, counters['ok'])
