"""Times one thread-scaling workload: its work() on 1 thread, then on N threads at once.

    INTERPRETER bench/threads/harness.py WORKLOAD [NTHREADS]

WORKLOAD names a module in workloads/. It defines work(), which does a fixed
amount of per-thread CPU work and returns a checksum. The harness runs work()
once on one thread, then on NTHREADS threads (default: os.cpu_count()) that a
barrier releases together, three rounds of each, and prints

    checksum <repr of work()'s result>
    t1 <best seconds for one thread>
    tn <best seconds for NTHREADS threads>
    work_ratio <how many times more work the N-thread run did>

so that scaling = work_ratio * t1 / tn: NTHREADS when every thread does the
same work, the ideal scaling being NTHREADS. Each round also prints cpu_overhead, the
process CPU time of the N-thread run over NTHREADS times that of the 1-thread
run: near 1 unless the threads slow each other down. A workload that times
something else defines measure(nthreads) returning (checksum, t1, tn,
work_ratio) and prints no cpu_overhead.
"""

import os
import sys
import threading
import time

ROUNDS = 3
WORKLOADS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "workloads")


def run_on_threads(work, nthreads):
    """Wall and process CPU seconds for nthreads threads each calling work(), and the common result."""
    results = [None] * nthreads
    start_together = threading.Barrier(nthreads + 1)

    def body(slot):
        start_together.wait()
        results[slot] = work()

    threads = [threading.Thread(target=body, args=(slot,)) for slot in range(nthreads)]
    for thread in threads:
        thread.start()
    start_together.wait()
    start = time.perf_counter()
    cpu_start = time.process_time()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    if any(result != results[0] for result in results):
        raise SystemExit("threads disagree: %r" % (results,))
    return elapsed, cpu, results[0]


def measure_work(work, nthreads):
    t1, cpu1, checksum = run_on_threads(work, 1)
    tn, cpun, checksum_n = run_on_threads(work, nthreads)
    if checksum_n != checksum:
        raise SystemExit("%d threads computed %r, one thread %r" % (nthreads, checksum_n, checksum))
    # On a busy machine wall times mislead; cpu_overhead (1 = none) shows contention among the threads.
    print("cpu_overhead", cpun / (nthreads * cpu1))
    return checksum, t1, tn, nthreads


def main():
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    nthreads = int(sys.argv[2]) if len(sys.argv) == 3 else os.cpu_count()
    sys.path.insert(0, WORKLOADS_DIR)
    workload = __import__(sys.argv[1])
    measure = getattr(workload, "measure", None) or (lambda n: measure_work(workload.work, n))
    # Alternating rounds, best of each: a busy machine slows some rounds, rarely all of them.
    t1 = tn = float("inf")
    for _ in range(ROUNDS):
        checksum, round_t1, round_tn, work_ratio = measure(nthreads)
        t1, tn = min(t1, round_t1), min(tn, round_tn)
    print("checksum", repr(checksum))
    print("t1", t1)
    print("tn", tn)
    print("work_ratio", work_ratio)


if __name__ == "__main__":
    main()
