# Several threads appending and extending one bytearray; exact counts at the end.
import _thread

NTHREADS = 4
N = 20000

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

b = bytearray()
def appender(t):
    for i in range(N):
        b.append(t)
        if i % 10 == 0:
            b.extend(bytes([t]) * 3)
run_threads(appender)
per = N + len(range(0, N, 10)) * 3
print(len(b) == NTHREADS * per, all(b.count(t) == per for t in range(NTHREADS)))

# readers copy and search while a writer grows and shrinks
data = bytearray(b'x' * 100)
stop = [False]
bad = []
def mixed(t):
    if t == 0:
        for i in range(N):
            data.extend(b'yz')
            del data[-2:]
        stop[0] = True
    else:
        while not stop[0]:
            c = bytes(data)
            if c.strip(b'xyz'):
                bad.append(c)
            data.find(b'q')
            len(data)
run_threads(mixed)
print(data == bytearray(b'x' * 100), bad == [])
