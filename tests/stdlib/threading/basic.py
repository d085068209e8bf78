# threading.Thread: start/join, names, identity, subclasses, daemon flags, errors.
import threading

results = {}


def work(key, n, scale=1):
    results[key] = sum(range(n)) * scale


threads = [threading.Thread(target=work, args=(i, 1000), kwargs={'scale': i}, name='w%d' % i) for i in range(5)]
print([t.name for t in threads], [t.is_alive() for t in threads], threads[0].ident)
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
print([t.is_alive() for t in threads], all(isinstance(t.ident, int) for t in threads))
print(all(t.native_id is not None for t in threads))
print(repr(threads[0]).startswith('<Thread(w0, stopped '))


class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n):
            self.total += i
        self.me = threading.current_thread()


c = Counter(100)
c.start()
c.join()
print(c.total, c.me is c, c.name.startswith('Thread-'))

main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.is_alive(), main.daemon)
print(threading.current_thread().ident == threading.get_ident())
print(threading.active_count(), len(threading.enumerate()), threading.enumerate()[0] is main)

seen = []
d = threading.Thread(target=lambda: seen.append(threading.current_thread().daemon), daemon=True)
print(d.daemon)
d.start()
d.join()
print(seen)

t = threading.Thread(target=lambda: None)
for action in (t.join, lambda: setattr(t, 'daemon', 'x') or t.daemon):
    try:
        print(action())
    except RuntimeError as e:
        print(type(e).__name__, e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print(type(e).__name__, e)
t.join()
try:
    threading.current_thread().join()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    t.daemon = True
except RuntimeError as e:
    print(type(e).__name__, e)

# join with a timeout on a thread that waits for an event.
ev = threading.Event()
slow = threading.Thread(target=ev.wait)
slow.start()
slow.join(0.01)
print(slow.is_alive())
ev.set()
slow.join()
print(slow.is_alive())

# Exceptions in threads go to threading.excepthook.
hooked = []
threading.excepthook = lambda args: hooked.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
bad = threading.Thread(target=lambda: 1 / 0, name='bad')
bad.start()
bad.join()
print(hooked)
threading.excepthook = threading.__excepthook__
print(threading.ExceptHookArgs.__name__, threading.TIMEOUT_MAX > 1e6)

# A non-daemon thread still running at the end of the main script is waited for.
def late():
    ev2.wait()
    print('late thread done')


ev2 = threading.Event()
threading.Thread(target=late).start()
threading.Timer(0.05, ev2.set).start()
print('main done')
