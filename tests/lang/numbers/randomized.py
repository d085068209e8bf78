# Deterministic pseudo-random checks of the exactness-sensitive operations:
# true division of big ints, int/float comparison, round(), repr round trips,
# float parsing, hashes and divmod.
state = 12345
def rnd(bits):
    global state
    out = 0
    for _ in range((bits + 31) // 32):
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        out = (out << 32) | (state >> 32)
    return out >> (((bits + 31) // 32) * 32 - bits)

def rnd_int():
    v = rnd(rnd(4) * 20 + 1)
    return -v if rnd(1) else v

def rnd_float():
    m = rnd(53) / 2**53
    e = rnd(8) - 128
    f = m * 2.0 ** e
    return -f if rnd(1) else f

acc = []
for i in range(400):
    a, b = rnd_int(), rnd_int()
    if b:
        try:
            acc.append(repr(a / b))
        except OverflowError as e:
            acc.append(str(e))
        acc.append((a // b, a % b))
    acc.append((a & b, a | b, a ^ b, a >> (rnd(7)), hash(a)))
print(acc[:5], len(acc))
for line in range(0, len(acc), 40):
    print(acc[line:line + 40])
for i in range(200):
    x = rnd_float()
    n = rnd_int()
    y = float(n) if abs(n) < 2**1000 else 1e308
    print(repr(x), x == n, x < n, x > n, y == n, y < n, n <= y, hash(x), hash(y) == hash(n) if y == n else "-",
          round(x, rnd(4) - 4), round(x * 1e6, 2), repr(float(repr(x))) == repr(x), float(str(x)) == x,
          divmod(x, 0.75), x // 0.1, x % -3.5, x.hex(), float.fromhex(x.hex()) == x, x.as_integer_ratio()[1] > 0)
for i in range(100):
    big = rnd(1020)
    print(big / 3, big / (rnd(600) + 1), -big / (rnd(1000) + 1), (big % 10**20) / 10**20)
for k in range(-1080, -1070):
    print(k, 1 / 2**-k, 3 / 2**(-k + 1), (2**60 + 1) / 2**(60 - k))
