"""A first program for Spindle."""
import sys


def primes(limit):
    sieve = [True] * limit
    for n in range(2, limit):
        if sieve[n]:
            yield n
            for multiple in range(n * n, limit, n):
                sieve[multiple] = False


print(f"Hello from {sys.implementation.name}!")
print("primes below 50:", list(primes(50)))
