# Two threads each running a pure-Python CPU loop on private data. CPython's
# GIL serialises them; a free-threaded VM can run them on two cores at once.
# Uses _thread (start_new_thread + a lock per worker to join) so it needs no
# stdlib module written in Python.
import _thread


def cpu_work(seed, n):
    x = seed
    total = 0
    for i in range(n):
        x = (x * 75 + 74) % 65537
        total += x & 1023
    return total


def worker(slot, seed, n, results, done):
    results[slot] = cpu_work(seed, n)
    done.release()


def run_threads(n):
    results = [None, None]
    locks = []
    for slot in range(2):
        done = _thread.allocate_lock()
        done.acquire()
        locks.append(done)
        _thread.start_new_thread(worker, (slot, slot + 1, n, results, done))
    for done in locks:
        done.acquire()
    return results


print(run_threads(2000000))
