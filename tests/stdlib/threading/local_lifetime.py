# _thread._local: a thread's attributes die with the thread, and cycles
# through a local are collectable.
import gc
import threading
import weakref


class Weak:
    pass


def fill(local, weaklist):
    w = Weak()
    local.w = w
    weaklist.append(weakref.ref(w))


def dead_after_threads(n):
    local = threading.local()
    weaklist = []
    for _ in range(n):
        t = threading.Thread(target=fill, args=(local, weaklist))
        t.start()
        t.join()
    gc.collect()
    dead = sum(1 for w in weaklist if w() is None)
    return len(weaklist), dead >= n - 1


print(dead_after_threads(20))


class X:
    pass


x = X()
x.local = threading.local()
x.local.x = x
wr = weakref.ref(x)
del x
gc.collect()
print('cycle collected:', wr() is None)
