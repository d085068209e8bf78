"""ThreadPoolExecutor.map of a CPU-bound function over N*k items, against a serial loop.

t1 is a serial loop over all N*k items and tn the pool's map over the same
items with N workers, so scaling = t1 / tn (work_ratio 1).
"""

import time
from concurrent.futures import ThreadPoolExecutor

ITEMS_PER_THREAD = 24


def collatz_steps(start):
    steps = 0
    for n in range(start, start + 1500):
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
    return steps


def measure(nthreads):
    items = [1 + 1500 * i for i in range(nthreads * ITEMS_PER_THREAD)]
    start = time.perf_counter()
    serial = [collatz_steps(item) for item in items]
    t1 = time.perf_counter() - start
    with ThreadPoolExecutor(max_workers=nthreads) as pool:
        start = time.perf_counter()
        pooled = list(pool.map(collatz_steps, items))
        tn = time.perf_counter() - start
    if pooled != serial:
        raise SystemExit("the pool computed different results")
    return sum(serial), t1, tn, 1
