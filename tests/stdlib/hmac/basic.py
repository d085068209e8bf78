import hmac, hashlib, _hashlib

key = b"secret"
msg = b"the message to authenticate"
for dm in ("md5", "sha1", "sha256", "sha512", "sha3_256", "blake2b", "blake2s", hashlib.sha256, _hashlib.openssl_sha1):
    h = hmac.new(key, msg, dm)
    print(h.name, h.digest_size, h.block_size, h.hexdigest())
    print(hmac.digest(key, msg, dm).hex())
h = hmac.new(b"k" * 200, digestmod="sha256")
h.update(b"part1")
c = h.copy()
h.update(b"part2")
print(h.hexdigest(), c.hexdigest(), hmac.new(b"k" * 200, b"part1part2", "sha256").hexdigest())
print(hmac.new(bytearray(b"key"), memoryview(b"msg"), "md5").hexdigest())
print(hmac.compare_digest(b"a", b"a"), hmac.compare_digest("abc", "abd"))
h = hmac.new(b"key", digestmod=lambda d=b"": hashlib.sha256(d))
h.update(b"abc")
print(h.name, h.hexdigest())

h = _hashlib.hmac_new(b"key", b"msg", "sha256")
print(type(h).__name__, h.name, h.digest_size, h.block_size, h.hexdigest(), h.digest().hex()[:8])
print(_hashlib.hmac_digest(b"key", b"msg", "sha1").hex())

def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

show(hmac.new, b"key")
show(hmac.new, "key", b"m", "sha256")
show(hmac.new, b"key", "m", "sha256")
show(hmac.new, b"key", b"m", "nope")
show(hmac.digest, b"key", b"m", "nope")
show(_hashlib.hmac_new, b"key", b"m", "nope")
show(_hashlib.hmac_new, b"key", b"m", 5)
show(_hashlib.hmac_new, b"key", b"m")
show(_hashlib.hmac_digest, b"key", b"m", "nope")
show(_hashlib.hmac_new(b"k", digestmod="md5").update, "s")
show(_hashlib.HMAC)
print(issubclass(_hashlib.UnsupportedDigestmodError, ValueError))
