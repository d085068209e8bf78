# Several threads appending, popping and inserting on one list; exact counts at the end.
import _thread

NTHREADS = 4
N = 10000

def run_threads(fn):
    # Runs fn(0) .. fn(NTHREADS - 1) in threads; an exception in any of them is printed.
    locks = []
    failures = []
    for t in range(NTHREADS):
        done = _thread.allocate_lock()
        done.acquire()
        locks.append(done)
        def body(t=t, done=done):
            try:
                fn(t)
            except BaseException as e:
                failures.append(repr(e))
            finally:
                done.release()
        _thread.start_new_thread(body, ())
    for done in locks:
        done.acquire()
    if failures:
        print('thread failures:', failures)

shared = []
def appender(t):
    for i in range(N):
        shared.append((t, i))
run_threads(appender)
print(len(shared) == NTHREADS * N)
# every thread's items are present exactly once and in order
per = {}
for t, i in shared:
    per.setdefault(t, []).append(i)
print(all(per[t] == list(range(N)) for t in range(NTHREADS)))

popped = [[] for _ in range(NTHREADS)]
def popper(t):
    for _ in range(N // 2):
        popped[t].append(shared.pop())
run_threads(popper)
all_popped = [x for p in popped for x in p]
print(len(shared) == NTHREADS * N // 2, len(all_popped) == NTHREADS * N // 2)
print(sorted(shared + all_popped) == sorted((t, i) for t in range(NTHREADS) for i in range(N)))

mixed = []
def inserter(t):
    for i in range(N // 4):
        mixed.insert(0, t)
        mixed.append(t)
        if i % 3 == 0:
            mixed.extend([t, t])
run_threads(inserter)
expected = N // 4 * 2 + len(range(0, N // 4, 3)) * 2
print(len(mixed) == NTHREADS * expected, all(mixed.count(t) == expected for t in range(NTHREADS)))

# readers while writers run: no crash, every observed item valid
data = list(range(1000))
stop = [False]
errors = []
def reader(t):
    if t == 0:
        for i in range(N):
            data.append(i % 1000)
            data.pop(0)
        stop[0] = True
    else:
        while not stop[0]:
            for x in data:
                if not (0 <= x < 1000):
                    errors.append(x)
            s = sum(data[:10])
            data[5:8]
run_threads(reader)
print(len(data) == 1000, errors == [])

# concurrent sorts and reversals of the same list keep its elements
sorted_list = list(range(2000))
def sorter(t):
    for _ in range(50):
        if t % 2:
            sorted_list.sort(reverse=(t == 1))
        else:
            sorted_list.reverse()
run_threads(sorter)
print(sorted(sorted_list) == list(range(2000)))
