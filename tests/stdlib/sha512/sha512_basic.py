import _sha512

for data in (b"", b"abc", b"a" * 1000, bytearray(b"xyz"), memoryview(b"mv")):
    print(_sha512.sha512(data).hexdigest())
    print(_sha512.sha384(data).hexdigest())
h = _sha512.sha512()
h.update(b"hello ")
c = h.copy()
h.update(b"world")
print(h.hexdigest() == _sha512.sha512(b"hello world").hexdigest())
print(c.digest() == _sha512.sha512(b"hello ").digest(), len(c.digest()))
print(h.name, h.digest_size, h.block_size, _sha512.sha384().name, _sha512.sha384().digest_size)
print(_sha512.sha512(string=b"k").hexdigest()[:16], _sha512.sha512(b"k", usedforsecurity=False).hexdigest()[:16])
print(h.hexdigest() == h.hexdigest())
for bad in ("text", 5, None):
    try:
        _sha512.sha512(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    h.update("s")
except TypeError as e:
    print("TypeError", e)
try:
    _sha512.SHA384Type()
except TypeError as e:
    print("TypeError", e)
