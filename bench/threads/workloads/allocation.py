"""Allocation of short-lived objects: instances, tuples, lists, boxed big ints."""


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


def work():
    total = 0
    for i in range(200000):
        p = Point(i, i + 1)
        s = Slotted(p, (i, i))
        pair = [p.x, s.a.y]
        total += pair[0] + len(s.b) + ((i << 60) >> 59) % 7
    return total
