# Results too large for memory are MemoryError; absurd shift counts OverflowError.
for f in (lambda: 1 << (1 << 40), lambda: 12345 << (1 << 45)):
    try:
        f()
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__)
try:
    1 << (1 << 70)
except OverflowError as e:
    print(type(e).__name__, e)
print((1 << 100000).bit_length(), (3 ** 10000).bit_length())
print(1 ** (10 ** 20), (-1) ** (10 ** 20 + 1), 0 ** (10 ** 20), 0 << (1 << 70))
