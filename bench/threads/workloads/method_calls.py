"""Method calls on objects private to each thread: bound methods, inheritance, super()."""


class Counter:
    def __init__(self):
        self.count = 0

    def step(self, amount):
        self.count += amount
        return self.count

    def value(self):
        return self.count


class ScaledCounter(Counter):
    def __init__(self, scale):
        super().__init__()
        self.scale = scale

    def step(self, amount):
        return super().step(amount * self.scale)


def work():
    plain = Counter()
    scaled = ScaledCounter(3)
    for i in range(450000):
        plain.step(i & 7)
        scaled.step(1)
        if plain.value() > 1000000:
            plain.count = 0
    return plain.value() + scaled.value()
