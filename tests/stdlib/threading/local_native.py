# _thread._local: per-thread attributes, __dict__, errors, subclasses.
import _thread
import threading

local = _thread._local
print(type(local()).__name__, local.__module__, local.__name__)

obj = local()
obj.x = 1
print(obj.x, obj.__dict__, vars(obj))
try:
    obj.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del obj.missing
except AttributeError as e:
    print(type(e).__name__, e)
for action in ('set', 'del'):
    try:
        if action == 'set':
            obj.__dict__ = {}
        else:
            del obj.__dict__
    except AttributeError as e:
        print(action, type(e).__name__, e)
print(getattr(obj, 'nope', 'default'), hasattr(obj, 'x'))
obj.__dict__['y'] = 2
print(obj.y, sorted(obj.__dict__))
del obj.x
print(hasattr(obj, 'x'), obj.__class__ is local)

for args, kwargs in (((1,), {}), ((), {'a': 1})):
    try:
        local(*args, **kwargs)
    except TypeError as e:
        print(type(e).__name__, e)


def in_thread(fn):
    out = []
    t = threading.Thread(target=lambda: out.append(fn()))
    t.start()
    t.join()
    return out[0]


# Another thread sees its own, empty dict.
print(in_thread(lambda: (hasattr(obj, 'y'), obj.__dict__)))
obj.z = 'main'


def set_in_thread():
    obj.z = 'thread'
    return obj.z


print(in_thread(set_in_thread), obj.z)


class Counter(local):
    inits = []
    kind = 'class attr'

    def __init__(self, start, *, step=1):
        self.value = start
        self.step = step
        Counter.inits.append((start, step))

    def bump(self):
        self.value += self.step
        return self.value


c = Counter(10, step=5)
print(c.bump(), c.kind)
print(in_thread(lambda: (c.value, c.bump(), c.kind)))
print(c.value, Counter.inits)
print(in_thread(lambda: sorted(c.__dict__.items())))


class Failing(local):
    calls = 0

    def __init__(self):
        Failing.calls += 1
        if Failing.calls > 1:
            raise ValueError('init failed in thread %d' % Failing.calls)
        self.ok = True


f = Failing()


def use_failing():
    results = []
    for _ in range(2):
        try:
            results.append(f.ok)
        except ValueError as e:
            results.append(str(e))
    return results


print(in_thread(use_failing), f.ok)


class WithSlots(local):
    __slots__ = ('shared',)


w = WithSlots()
w.shared = 'shared across threads'
w.own = 'main only'
print(in_thread(lambda: (w.shared, hasattr(w, 'own'))))


class WithProperty(local):
    @property
    def double(self):
        return self.n * 2

    def __getattr__(self, name):
        return 'fallback ' + name


p = WithProperty()
p.n = 4
print(p.double, p.other, in_thread(lambda: p.missing))


class NoInitArgs(local):
    pass


try:
    NoInitArgs(1)
except TypeError as e:
    print(type(e).__name__, e)
n = NoInitArgs()
n.a = 1
print(in_thread(lambda: vars(n)), vars(n), isinstance(n, local))
