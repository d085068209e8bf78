# random.py on top of _random: fixed-seed sequences must equal CPython's.
import random

random.seed(12345)
print([random.random() for _ in range(3)])
print([random.randint(1, 100) for _ in range(10)])
print(random.choice("abcdefghij"), random.choice(range(1000)))
xs = list(range(20))
random.shuffle(xs)
print(xs)
print(random.sample(range(100), 10))
print(random.gauss(0, 1), random.normalvariate(5, 2))
print(random.getrandbits(100))
print(random.uniform(1, 2), random.randrange(0, 100, 7), random.triangular())
print(random.choices("abc", weights=[1, 2, 3], k=10))
print(random.expovariate(1.5), random.betavariate(2, 3), random.gammavariate(2, 1))
print(random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.paretovariate(3))
print(random.weibullvariate(1, 2))
print(random.randbytes(10))

for seed in ("hello", b"bytes", bytearray(b"ba"), 3.25, -17, 2**80):
    random.seed(seed)
    print(repr(seed), random.random())
random.seed("hello", version=1)
print(random.random())

r = random.Random(42)
state = r.getstate()
print(state[0], len(state[1]), state[2])
a = [r.random() for _ in range(5)]
r.setstate(state)
print(a == [r.random() for _ in range(5)])
print(r.randrange(10**30))

try:
    random.seed([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    random.Random(1).setstate((99, (), None))
except ValueError as e:
    print("ValueError", e)

import copy
r = random.Random(5)
c = copy.deepcopy(r)
print(r.random() == c.random(), [c.random() for _ in range(2)] == [r.random() for _ in range(2)])
print(isinstance(random.SystemRandom().random(), float))
class MyRandom(random.Random):
    def random(self):
        return 0.25
print(MyRandom(1).randrange(100), MyRandom().choice("abcd"))
