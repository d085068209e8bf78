import hashlib

names = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512",
         "blake2b", "blake2s"]
for name in names:
    for data in (b"", b"abc", b"a" * 1000, bytearray(b"xyz"), memoryview(b"mv")):
        h = hashlib.new(name, data)
        print(name, h.hexdigest(), h.digest() == bytes.fromhex(h.hexdigest()))
    h = getattr(hashlib, name)()
    print(h.name, h.digest_size, h.block_size)
for name in ("shake_128", "shake_256"):
    h = hashlib.new(name, b"abc")
    print(h.name, h.digest_size, h.block_size, h.hexdigest(10), h.digest(0), len(h.digest(300)))
    print(getattr(hashlib, name)(b"").hexdigest(32))

print(sorted(hashlib.algorithms_guaranteed))
print(sorted(hashlib.algorithms_available))
for name in ("sha512_256", "sha512_224", "ripemd160", "SHA256", "md5-sha1", "sm3", "blake2b512"):
    try:
        h = hashlib.new(name, b"abc")
        print(name, h.name, h.hexdigest())
    except ValueError as e:
        print(name, "ValueError", e)

h = hashlib.sha256()
h.update(b"hello ")
c = h.copy()
h.update(b"world")
print(h.hexdigest() == hashlib.sha256(b"hello world").hexdigest(), c.hexdigest() == hashlib.sha256(b"hello ").hexdigest())
print(hashlib.md5(b"x", usedforsecurity=False).hexdigest(), hashlib.sha1(string=b"y").hexdigest())
print(hashlib.new("md5", data=b"q").hexdigest(), hashlib.new("sha1", b"q").hexdigest())
print(type(hashlib.sha256()).__name__, type(hashlib.shake_128()).__name__, type(hashlib.md5()).__module__)
s = hashlib.shake_128()
s.update(b"a")
s2 = s.copy()
s.update(b"b")
print(s2.hexdigest(8), s.hexdigest(8), hashlib.shake_128(b"ab").hexdigest(8))

# pbkdf2 and scrypt
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1).hex())
print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 2, 20).hex())
print(hashlib.pbkdf2_hmac("sha512", bytearray(b"pw"), memoryview(b"salt"), 10, dklen=7).hex())
print(hashlib.scrypt(b"password", salt=b"NaCl", n=16, r=1, p=1, dklen=32).hex())
print(hashlib.scrypt(b"", salt=b"", n=16, r=1, p=1).hex())

import io
print(hashlib.file_digest(io.BytesIO(b"file contents" * 1000), "sha256").hexdigest())
print(hashlib.file_digest(io.BytesIO(b"abc"), hashlib.md5).hexdigest())
