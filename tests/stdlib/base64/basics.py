import base64

for data in (b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(40))):
    print(base64.b64encode(data), base64.b64decode(base64.b64encode(data)) == data)
    print(base64.urlsafe_b64encode(data), base64.standard_b64encode(data), base64.b32encode(data), base64.b16encode(data))
    print(base64.b85encode(data), base64.a85encode(data))
    print(base64.encodebytes(data))
print(base64.b64decode("Zm9vYmFy"), base64.b64decode(b"Zm9v\nYmFy", validate=False), base64.urlsafe_b64decode("-_8="))
print(base64.b64encode(b"\xfb\xff", altchars=b"-_"), base64.b32decode("MZXW6YTBOI======"), base64.b16decode("666F6F"))
print(base64.decodebytes(b"Zm9vYmFy\n"), base64.b85decode(base64.b85encode(b"hello")), base64.a85decode(base64.a85encode(b"hi")))
for bad in ("Zm9", "Zm9v!", "Zm9vYmFy="):
    try:
        print(base64.b64decode(bad, validate=True))
    except Exception as e:
        print(type(e).__name__, e)
try:
    base64.b64decode("Zm9")
except Exception as e:
    print(type(e).__name__, e)
