# Threads call methods on shared instances while others rebind the class's
# methods and attributes, add and delete attributes on the class and on the
# instances; every call sees a whole old or new definition, and the final
# state is exact.
import threading

NTHREADS = 6
N = 20000

def run_threads(fn, n=NTHREADS):
    # Runs fn(0) .. fn(n - 1) together (a barrier starts them); failures are printed.
    barrier = threading.Barrier(n)
    failures = []
    def body(t):
        try:
            barrier.wait()
            fn(t)
        except BaseException as e:
            failures.append(repr(e))
    threads = [threading.Thread(target=body, args=(t,)) for t in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    if failures:
        print('thread failures:', failures)

class Widget:
    scale = 1
    def size(self):
        return 10 * self.scale
    @property
    def label(self):
        return 'plain'

def size_v2(self):
    return 20 * self.scale
def label_v2(self):
    return 'fancy'

widgets = [Widget() for _ in range(16)]
bad = []
def caller(t):
    if t == 0:
        # rebinds methods, a property and a class attribute back and forth
        for i in range(N):
            Widget.size = sizes[i % 2]
            Widget.label = labels[i % 2]
            Widget.scale = 1 + i % 3
        Widget.size = sizes[0]
        Widget.label = labels[0]
        Widget.scale = 1
    elif t == 1:
        # instances shadow and unshadow the class attribute
        for i in range(N):
            w = widgets[i % 16]
            w.scale = 5
            del w.scale
    else:
        for i in range(N):
            w = widgets[(i + t) % 16]
            s = w.size()
            if s not in (10, 20, 30, 40, 50, 60, 100, 200):
                bad.append(s)
            if w.label not in ('plain', 'fancy'):
                bad.append(w.label)
            setattr(w, 'seen%d' % t, i)
sizes = [Widget.size, size_v2]
labels = [Widget.__dict__['label'], property(label_v2)]
run_threads(caller)
print(bad)
print([w.size() for w in widgets[:3]], widgets[0].label, Widget.scale)
print(all(getattr(w, 'seen%d' % t) == max(i for i in range(N) if (i + t) % 16 == k)
          for k, w in enumerate(widgets) for t in range(2, NTHREADS)))
print(all('scale' not in vars(w) for w in widgets))

# class attributes added and removed while other threads look them up through
# instances (the attribute caches must notice each change)
class Config:
    pass
cfg = Config()
missing = [0]
wrong = []
def toggler(t):
    if t == 0:
        for i in range(N):
            Config.mode = i
            del Config.mode
        Config.mode = 'final'
    else:
        for i in range(N):
            try:
                m = cfg.mode
            except AttributeError:
                missing[0] += 1
                continue
            if not (m == 'final' or 0 <= m < N):
                wrong.append(m)
run_threads(toggler, 4)
print(cfg.mode, wrong)

# subclasses follow changes to their base
class Base:
    def who(self):
        return 'base'
class Derived(Base):
    pass
d = Derived()
seen = set()
lock = threading.Lock()
def overrider(t):
    local = set()
    for i in range(N):
        if t == 0:
            Derived.who = lambda self: 'derived'
            del Derived.who
        elif t == 1:
            Base.who = lambda self: 'base2'
            Base.who = lambda self: 'base'
        else:
            local.add(d.who())
    with lock:
        seen.update(local)
run_threads(overrider, 4)
print(seen <= {'base', 'base2', 'derived'}, d.who())

# each thread increments its own attribute of one shared instance: exact totals
class Counter:
    pass
c = Counter()
def own_attr(t):
    name = 'n%d' % t
    setattr(c, name, 0)
    for i in range(N):
        setattr(c, name, getattr(c, name) + 1)
        c.shared = t
run_threads(own_attr)
print([getattr(c, 'n%d' % t) for t in range(NTHREADS)], 0 <= c.shared < NTHREADS)

# __slots__ instances shared between threads
class Point:
    __slots__ = ('x', 'y')
pts = [Point() for _ in range(8)]
for p in pts:
    p.x = p.y = 0
def slot_writer(t):
    for i in range(N):
        p = pts[i % 8]
        if t % 2:
            p.x = i
        else:
            p.y = -i
            try:
                del p.y
            except AttributeError:
                pass
            p.y = -i
run_threads(slot_writer, 4)
print(all(p.x == max(i for i in range(N) if i % 8 == k) for k, p in enumerate(pts)),
      all(p.y == -max(i for i in range(N) if i % 8 == k) for k, p in enumerate(pts)))
