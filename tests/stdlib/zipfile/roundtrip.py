import os, tempfile, zipfile, zlib

files = {
    "a.txt": b"hello zip\n" * 100,
    "dir/b.bin": bytes(range(256)) * 50,
    "empty": b"",
    "big.txt": b"".join(b"%d\n" % i for i in range(20000)),
}
with tempfile.TemporaryDirectory() as d:
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        path = os.path.join(d, "test%d.zip" % method)
        with zipfile.ZipFile(path, "w", compression=method) as z:
            for name, content in files.items():
                zi = zipfile.ZipInfo(name, date_time=(2020, 1, 2, 3, 4, 6))
                zi.compress_type = method
                z.writestr(zi, content)
            z.writestr(zipfile.ZipInfo("level9.txt", date_time=(2020, 1, 1, 0, 0, 0)), b"zz" * 500,
                       compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
        print(method, os.path.getsize(path))
        with zipfile.ZipFile(path) as z:
            print(z.testzip())
            for info in z.infolist():
                content = z.read(info.filename)
                print(info.filename, info.compress_type, info.file_size, info.compress_size, info.CRC,
                      zlib.crc32(content) == info.CRC, content[:12])
            with z.open("big.txt") as f:
                print(f.read(10), f.readline(), len(f.read()))
            with z.open("dir/b.bin") as f:
                chunks = []
                while True:
                    c = f.read(1000)
                    if not c:
                        break
                    chunks.append(len(c))
                print(chunks[:3], sum(chunks))
    path = os.path.join(d, "stream.zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("streamed.txt", "w") as f:
            for i in range(100):
                f.write(b"chunk %d\n" % i)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("added.txt", "text data " * 10)
    with zipfile.ZipFile(path) as z:
        print(z.namelist(), [i.CRC for i in z.infolist()])
        print(z.read("streamed.txt")[-16:], z.read("added.txt")[:20])
    # a corrupted member is detected by the CRC check
    with open(os.path.join(d, "test0.zip"), "rb") as f:
        raw = bytearray(f.read())
    i = raw.find(b"hello zip")
    raw[i] ^= 1
    with open(os.path.join(d, "bad.zip"), "wb") as f:
        f.write(raw)
    with zipfile.ZipFile(os.path.join(d, "bad.zip")) as z:
        print(z.testzip())
        try:
            z.read("a.txt")
        except zipfile.BadZipFile as e:
            print("BadZipFile", e)
