"""Float arithmetic mixed with math-module calls."""

import math


def work():
    total = 0.0
    x = 0.5
    for i in range(800000):
        x = math.sin(x) * 0.9 + math.sqrt(i + 1.0) * 1e-3
        total += math.exp(-x * x) + math.log(1.0 + abs(x)) + math.floor(x * 10.0)
    return round(total, 6)
