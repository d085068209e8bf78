# Method calls: bound-method calls on instances, inherited methods, super(),
# a staticmethod and a classmethod.


class Counter:
    def __init__(self):
        self.n = 0

    def step(self, k):
        self.n += k
        return self.n

    def value(self):
        return self.n


class ScaledCounter(Counter):
    def __init__(self, scale):
        super().__init__()
        self.scale = scale

    def step(self, k):
        return super().step(k * self.scale)

    @staticmethod
    def clamp(x):
        return x & 0xFFFF

    @classmethod
    def make(cls, scale):
        return cls(scale)


def run(iterations):
    a = Counter()
    b = ScaledCounter.make(3)
    acc = 0
    for i in range(iterations):
        a.step(1)
        b.step(i & 7)
        acc += ScaledCounter.clamp(a.value() + b.value())
    return acc, a.value(), b.value()


print(run(600000))
