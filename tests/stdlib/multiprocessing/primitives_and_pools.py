# multiprocessing over _multiprocessing.SemLock: locks, semaphores, events,
# queues, Process, Pool and ProcessPoolExecutor (fork start method).
import multiprocessing as mp, threading
def sq(x): return x * x
if __name__ == '__main__':
    l = mp.Lock(); print(l.acquire(), l.acquire(False)); l.release()
    r = mp.RLock(); r.acquire(); r.acquire(); r.release(); r.release()
    try: r.release()
    except AssertionError as e: print('AssertionError', e)
    s = mp.Semaphore(2); print(s.acquire(), s.acquire(), s.acquire(timeout=0.05), s.get_value())
    b = mp.BoundedSemaphore(1); b.acquire(); b.release()
    try: b.release()
    except ValueError as e: print('ValueError', e)
    e = mp.Event(); print(e.is_set()); e.set(); print(e.wait(0.1))
    q = mp.Queue(); q.put([1, 2]); print(q.get(timeout=5))
    with mp.Pool(2) as p: print(p.map(sq, range(10)))
    def child(q): q.put('hi from child')
    pr = mp.Process(target=child, args=(q,)); pr.start(); print(q.get(timeout=10)); pr.join(); print(pr.exitcode)
    from concurrent.futures import ProcessPoolExecutor
    with ProcessPoolExecutor(2) as ex: print(list(ex.map(sq, range(8))))
