# Threads rebind module globals and builtins while other threads read them
# through functions (whose global lookups are cached); every read sees a whole
# old or new binding, never a missing name or a stale one once all writes are done.
import builtins
import threading

NTHREADS = 4
N = 20000

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

# a global rebound among a few values
MODE = 0
STABLE = 'stable'
def read_mode():
    return MODE, STABLE
bad = []
def rebinder(t):
    global MODE
    if t == 0:
        for i in range(N):
            MODE = i % 3
        MODE = 'done'
    else:
        for i in range(N):
            m, s = read_mode()
            if m not in (0, 1, 2, 'done') or s != 'stable':
                bad.append((m, s))
run_threads(rebinder)
print(bad, read_mode())

# new globals appear (the module dict grows and is resized) while readers use
# an old one; deleting a global shadowing a builtin exposes the builtin again
g = globals()
def read_len():
    return len('abc')
def adder(t):
    if t == 0:
        for i in range(N // 4):
            g['extra_%d' % i] = i
    elif t == 1:
        for i in range(N // 4):
            g['len'] = lambda x: 'shadow'
            del g['len']
    else:
        for i in range(N):
            r = read_len()
            if r not in (3, 'shadow'):
                bad.append(r)
            if STABLE != 'stable':
                bad.append('STABLE')
run_threads(adder)
print(bad, read_len(), sum(g['extra_%d' % i] for i in range(N // 4)) == sum(range(N // 4)))

# builtins rebound while other threads call them
real_abs = builtins.abs
def my_abs(x):
    return 'mine'
def call_abs():
    return abs(-5)
def builtin_rebinder(t):
    if t == 0:
        for i in range(N // 2):
            builtins.abs = my_abs
            builtins.abs = real_abs
    elif t == 1:
        for i in range(N // 4):
            builtins.brand_new = i
            del builtins.brand_new
    else:
        for i in range(N):
            r = call_abs()
            if r not in (5, 'mine'):
                bad.append(r)
            try:
                brand_new
            except NameError:
                pass
run_threads(builtin_rebinder)
print(bad, call_abs(), hasattr(builtins, 'brand_new'))

# a global counter incremented under a lock by every thread: exact total
total = 0
lock = threading.Lock()
def incr(t):
    global total
    for i in range(N // 4):
        with lock:
            total += 1
run_threads(incr)
print(total == NTHREADS * (N // 4))

# each thread owns a global name: no write is lost
def owner(t):
    name = 'own_%d' % t
    for i in range(N // 2):
        g[name] = i
        if g[name] != i:
            bad.append(name)
run_threads(owner)
print(bad, [g['own_%d' % t] for t in range(NTHREADS)])
