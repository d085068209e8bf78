import hashlib, _blake2

def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print("ok", r.hexdigest() if hasattr(r, "hexdigest") else r)
    except Exception as e:
        print(type(e).__name__, e)

for cls in (hashlib.blake2b, hashlib.blake2s):
    print(cls.__name__, cls.MAX_DIGEST_SIZE, cls.MAX_KEY_SIZE, cls.PERSON_SIZE, cls.SALT_SIZE)
    print(cls(b"abc").hexdigest())
    print(cls(b"abc", digest_size=16).hexdigest(), cls(digest_size=1).hexdigest())
    print(cls(b"abc", key=b"secret key").hexdigest())
    print(cls(b"abc", key=b"k" * cls.MAX_KEY_SIZE).hexdigest())
    print(cls(b"abc", salt=b"saltsalt", person=b"me").hexdigest())
    print(cls(b"abc", fanout=2, depth=3, leaf_size=4096, node_offset=5, node_depth=1, inner_size=20).hexdigest())
    print(cls(b"abc", last_node=True).hexdigest(), cls(b"x", usedforsecurity=False).hexdigest())
    print(cls(b"a" * 1000).hexdigest(), cls(b"a" * cls().block_size).hexdigest())
    show(cls, data=b"abc")
    h = cls(key=b"k")
    for i in range(100):
        h.update(bytes([i]) * i)
    c = h.copy()
    h.update(b"end")
    print(c.hexdigest(), h.hexdigest(), h.name, h.digest_size, h.block_size)
    print(cls(b"abc", digest_size=20).name, cls(b"abc", digest_size=20).digest_size)
    m = cls.MAX_DIGEST_SIZE
    show(cls, digest_size=0)
    show(cls, digest_size=m + 1)
    show(cls, key=b"k" * (cls.MAX_KEY_SIZE + 1))
    show(cls, salt=b"s" * (cls.SALT_SIZE + 1))
    show(cls, person=b"p" * (cls.PERSON_SIZE + 1))
    show(cls, fanout=256)
    show(cls, fanout=-1)
    show(cls, depth=0)
    show(cls, leaf_size=2**32)
    show(cls, leaf_size=-1)
    show(cls, node_offset=2**64)
    show(cls, node_offset=2**48)
    show(cls, node_depth=256)
    show(cls, inner_size=m + 1)
    show(cls, "text")
    show(cls, b"x", b"y")
    try:
        class Sub(cls):
            pass
    except TypeError as e:
        print("TypeError", e)
print(_blake2.BLAKE2B_MAX_DIGEST_SIZE, _blake2.BLAKE2S_MAX_KEY_SIZE, _blake2.BLAKE2B_SALT_SIZE, _blake2.BLAKE2S_PERSON_SIZE)
