# The _random.Random generator directly: seeding, output, state and errors.
import _random

r = _random.Random(12345)
print([r.random() for _ in range(5)])
print([r.getrandbits(k) for k in (0, 1, 7, 31, 32, 33, 64, 65, 100, 200)])

for seed in (0, 1, -1, 2**32, 2**32 - 1, 2**64 + 7, -(2**100), 10**50, True):
    r.seed(seed)
    print(seed, r.random(), r.getrandbits(40))

# Non-int seeds hash.
r.seed(1.5)
print(r.random())
r.seed((1, 2))
a = r.random()
r.seed((1, 2))
print(a == r.random())

# State round trip.
r.seed(99)
st = r.getstate()
print(type(st).__name__, len(st), st[-1], st[0], st[1])
first = [r.random() for _ in range(700)]
r.setstate(st)
print(first == [r.random() for _ in range(700)])
st = r.getstate()
print(st[-1])

# Two generators with the same seed agree.
a, b = _random.Random(7), _random.Random(7)
print([a.random() for _ in range(3)] == [b.random() for _ in range(3)])

# Seeding from the OS gives different streams.
a, b = _random.Random(), _random.Random(None)
print(a.random() != b.random())

class Sub(_random.Random):
    def __init__(self, x, extra=None):
        super().__init__(x)
        self.extra = extra

s = Sub(5, extra="e")
print(s.extra, s.random() == _random.Random(5).random())

def err(f, *args, **kw):
    try:
        f(*args, **kw)
    except Exception as e:
        print(type(e).__name__, e)

err(_random.Random, 1, 2)
err(_random.Random, x=1)
err(r.getrandbits, -1)
err(r.getrandbits, 1.5)
err(r.getrandbits, 2**40)
err(r.getrandbits)
err(r.seed, 1, 2)
err(r.seed, [])
err(r.setstate, [0] * 625)
err(r.setstate, (0,) * 624)
err(r.setstate, (0,) * 624 + (625,))
err(r.setstate, (0,) * 624 + (-1,))
err(r.setstate, ("x",) + (0,) * 624)
err(r.setstate, (-1,) + (0,) * 624)
err(r.random, 1)
err(r.getstate, 1)
err(r.setstate)
err(r.seed, a=1)
err(r.getrandbits, k=1)
err(r.setstate, (2**64,) + (0,) * 624)
err(r.setstate, (0,) * 624 + (2**64,))
r.setstate((2**32 + 5,) + (1,) * 623 + (624,))
print(r.getstate()[0], r.random())

class Unseeded(_random.Random):
    def __init__(self):
        pass
u = Unseeded()
print(u.getstate()[-1], u.random(), u.getrandbits(8), u.getstate()[-1])
