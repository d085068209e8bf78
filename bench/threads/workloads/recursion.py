"""Recursive Python calls with small-int arithmetic."""


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def work():
    return sum(fib(24) for _ in range(32))
