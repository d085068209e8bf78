import binascii

def err(f, *args, **kw):
    try:
        print("ok", f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)

for data in (b"", b"\x00", b"ab", b"abc", b"hello world!", bytes(range(256)), bytearray(b"xyz"), memoryview(b"mv")):
    enc = binascii.b2a_base64(data)
    print(enc, binascii.b2a_base64(data, newline=False), binascii.a2b_base64(enc) == bytes(data))
    print(binascii.hexlify(data)[:40], binascii.b2a_hex(data)[:10], binascii.crc32(data), binascii.crc_hqx(data, 0))
print(binascii.crc32(b"hello", 12345), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc32(b"a", -1))
print(binascii.crc_hqx(b"hello", 0xffff), binascii.crc_hqx(b"x", 0x12345))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", "-"), binascii.hexlify(b"\x01\x02\x03\x04\x05", b":", 2),
      binascii.hexlify(b"\x01\x02\x03\x04\x05", "_", -2), binascii.b2a_hex(b"\xff\xee", sep=" "))
print(binascii.unhexlify(b"deadBEEF"), binascii.unhexlify("00ff"), binascii.a2b_hex(bytearray(b"4142")))
for text in ("YWJj", "YWJjZA==", "YWJjZA=", "YWJjZA", "YWJjZ", "Y", "YW Jj\nZA==", "YWJjZA==garbage", "=YWJj", "YW=Jj",
             "YWJjZA===", "YWJ=jZA==", "!!!!", "", "YQ", "YQ=", "YQ==", "YWJjZGVm\n"):
    err(binascii.a2b_base64, text)
    err(binascii.a2b_base64, text, strict_mode=True)
err(binascii.unhexlify, b"abc")
err(binascii.unhexlify, b"zz")
err(binascii.unhexlify, "é")
err(binascii.a2b_base64, 5)
err(binascii.b2a_base64, "str")
err(binascii.hexlify, "str")
err(binascii.hexlify, b"ab", "--")
err(binascii.crc32, "s")
err(binascii.crc32, b"s", 1.5)
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, issubclass(binascii.Incomplete, Exception))
