# The fallback modules hashlib uses when _hashlib is blocked.
import _md5, _sha1, _sha256, _sha512, _sha3

def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

for cons in (_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512,
             _sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512):
    h = cons(b"abc")
    c = h.copy()
    c.update(b"def")
    print(type(h).__module__, type(h).__name__, h.name, h.digest_size, h.block_size, h.hexdigest(), c.hexdigest()[:16])
    print(cons(usedforsecurity=False).hexdigest()[:16], len(h.digest()))
for cons in (_sha3.shake_128, _sha3.shake_256):
    h = cons(b"abc")
    print(type(h).__name__, h.name, h.digest_size, h.block_size, h.hexdigest(20), len(h.digest(100)))
    show(h.digest, -1)
    show(h.hexdigest, 2**29)
for t in (_sha3.sha3_224, _sha3.shake_128):
    h = t()
    print(h._capacity_bits, h._rate_bits, h._suffix)
print(_md5.MD5Type, _sha1.SHA1Type, _sha256.SHA224Type, _sha256.SHA256Type)
print(_md5.md5(string=b"x").hexdigest())
show(_md5.md5, data=b"x")
show(_sha3.sha3_224, string=b"x")
show(_sha3.sha3_224, "text")
show(_md5.md5().update)
show(_md5.md5().digest, 1)
show(_sha3.sha3_256().update)
show(_md5.MD5Type)
show(type, "X", (_sha3.sha3_224,), {})
import hashlib
print(hashlib.__get_builtin_constructor("sha3_256")(b"q").hexdigest()[:16])
