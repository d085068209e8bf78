# BLAKE2 with random parameters and random update chunking (block boundaries,
# keys, tree parameters) against CPython's.
import random, hashlib

rng = random.Random(99)
for trial in range(60):
    cls = rng.choice([hashlib.blake2b, hashlib.blake2s])
    kw = {"digest_size": rng.randrange(1, cls.MAX_DIGEST_SIZE + 1)}
    if rng.random() < 0.5:
        kw["key"] = rng.randbytes(rng.randrange(0, cls.MAX_KEY_SIZE + 1))
    if rng.random() < 0.3:
        kw["salt"] = rng.randbytes(rng.randrange(0, cls.SALT_SIZE + 1))
    if rng.random() < 0.3:
        kw["person"] = rng.randbytes(rng.randrange(0, cls.PERSON_SIZE + 1))
    if rng.random() < 0.3:
        kw.update(fanout=rng.randrange(0, 256), depth=rng.randrange(1, 256), leaf_size=rng.randrange(0, 2**32),
                  node_offset=rng.randrange(0, 2**48), node_depth=rng.randrange(0, 256),
                  inner_size=rng.randrange(0, cls.MAX_DIGEST_SIZE + 1), last_node=rng.random() < 0.5)
    data = rng.randbytes(rng.choice([0, 1, 63, 64, 65, 127, 128, 129, 256, rng.randrange(0, 2000)]))
    h = cls(**kw)
    pos = 0
    while pos < len(data):
        n = rng.choice([1, 64, 128, rng.randrange(1, 300)])
        h.update(data[pos:pos + n])
        pos += n
    one = cls(data, **kw)
    print(cls.__name__, len(data), h.hexdigest(), h.digest() == one.digest())
