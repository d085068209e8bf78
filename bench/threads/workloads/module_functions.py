"""Calls to small module-level functions, found through the module's globals."""


def square(x):
    return x * x


def clamp(x, low, high):
    return low if x < low else high if x > high else x


def combine(a, b):
    return clamp(square(a) - b, -1000, 1000)


def work():
    total = 0
    for i in range(750000):
        total += combine(i & 63, i & 255) + square(i & 3)
    return total
