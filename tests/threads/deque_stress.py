# Threads append and pop at both ends of one deque, rotate it and iterate it;
# every item comes out exactly once and nothing crashes.
import threading
from collections import deque

NTHREADS = 4
N = 8000

def run_threads(fn):
    # Runs fn(0) .. fn(NTHREADS - 1) together (a barrier starts them); failures are printed.
    barrier = threading.Barrier(NTHREADS)
    failures = []
    def body(t):
        try:
            barrier.wait()
            fn(t)
        except BaseException as e:
            failures.append(repr(e))
    threads = [threading.Thread(target=body, args=(t,)) for t in range(NTHREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    if failures:
        print('thread failures:', failures)

# appends at both ends: exact count, each thread's items in order on each side
d = deque()
def appender(t):
    for i in range(N):
        if i % 2:
            d.append((t, i))
        else:
            d.appendleft((t, i))
run_threads(appender)
print(len(d) == NTHREADS * N)
right = [x for x in d if x[1] % 2]
left = [x for x in reversed(d) if x[1] % 2 == 0]
print(all([i for u, i in right if u == t] == list(range(1, N, 2)) for t in range(NTHREADS)))
print(all([i for u, i in left if u == t] == list(range(0, N, 2)) for t in range(NTHREADS)))

# pops from both ends until empty: every item exactly once
got = [[] for _ in range(NTHREADS)]
def popper(t):
    pop = d.pop if t % 2 else d.popleft
    while True:
        try:
            got[t].append(pop())
        except IndexError:
            break
run_threads(popper)
allgot = [x for g in got for x in g]
print(len(d), len(allgot) == NTHREADS * N, sorted(allgot) == sorted((t, i) for t in range(NTHREADS) for i in range(N)))

# producers and consumers at the same time, at opposite ends
q = deque()
consumed = [[] for _ in range(NTHREADS)]
produced_done = [0]
lock = threading.Lock()
def prodcons(t):
    if t < NTHREADS // 2:
        for i in range(N):
            q.append(t * N + i)
        with lock:
            produced_done[0] += 1
    else:
        while True:
            try:
                consumed[t].append(q.popleft())
            except IndexError:
                with lock:
                    finished = produced_done[0] == NTHREADS // 2
                if finished and not q:
                    break
run_threads(prodcons)
allc = [x for c in consumed for x in c]
print(len(allc) == NTHREADS // 2 * N, sorted(allc) == list(range(NTHREADS // 2 * N)))
# a consumer sees each producer's items in the order it appended them
print(all(c == sorted(c) for c in [[x for x in cons if x // N == p] for cons in consumed for p in range(NTHREADS // 2)]))

# a bounded deque never exceeds maxlen; rotation and reversal keep the items
bounded = deque(maxlen=100)
ring = deque(range(1000))
over = []
def bounded_worker(t):
    for i in range(N // 2):
        bounded.append(i)
        bounded.appendleft(i)
        if len(bounded) > 100:
            over.append(len(bounded))
        if t == 0:
            ring.rotate(7)
        elif t == 1:
            ring.reverse()
        else:
            ring.rotate(-3)
run_threads(bounded_worker)
print(len(bounded), over, sorted(ring) == list(range(1000)))

# iteration, count, index, `in` and copies while another thread mutates
shared = deque(range(500))
stop = [False]
bad = []
errors = [0]
def mixed(t):
    if t == 0:
        for i in range(N):
            shared.append(1000 + i % 50)
            shared.popleft()
            shared.appendleft(shared.pop())
        stop[0] = True
    else:
        while not stop[0]:
            try:
                for x in shared:
                    if not (0 <= x < 500 or 1000 <= x < 1050):
                        bad.append(x)
            except RuntimeError:
                errors[0] += 1
            c = shared.copy()
            if not 499 <= len(c) <= 501:
                bad.append(len(c))
            try:
                shared.count(7)
            except RuntimeError:
                pass
            if shared.maxlen is not None:
                bad.append('maxlen')
            len(shared)
            try:
                shared[250]
            except IndexError:
                bad.append('index')
run_threads(mixed)
print(len(shared), bad)

# insert, remove and del in the middle from several threads
mid = deque(range(100))
def middle(t):
    for i in range(N // 4):
        mid.insert(50, ('x', t, i))
        mid.remove(('x', t, i))
        mid.insert(10, t)
        del mid[10]
run_threads(middle)
print(list(mid) == list(range(100)))
