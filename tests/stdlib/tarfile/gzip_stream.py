# tarfile's gzip support goes through zlib (compressobj, decompressobj, crc32).
import io, os, tarfile, tempfile

members = {"a.txt": b"alpha\n" * 300, "sub/b.bin": bytes(range(256)) * 20, "empty": b""}
with tempfile.TemporaryDirectory() as d:
    for mode in ("w:gz", "w|gz"):
        path = os.path.join(d, "t.tar.gz")
        with tarfile.open(path, mode) as tf:
            for name, data in members.items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                info.mtime = 0
                tf.addfile(info, io.BytesIO(data))
        for rmode in ("r:gz", "r|gz", "r:*"):
            with tarfile.open(path, rmode) as tf:
                for m in tf:
                    f = tf.extractfile(m)
                    data = f.read() if f else None
                    print(mode, rmode, m.name, m.size, data == members[m.name])
    bad = os.path.join(d, "bad.tar.gz")
    with open(path, "rb") as f:
        raw = f.read()
    with open(bad, "wb") as f:
        f.write(raw[:10] + b"\xff" * 20 + raw[30:])
    try:
        with tarfile.open(bad, "r:gz") as tf:
            tf.getmembers()
    except tarfile.TarError as e:
        print(type(e).__name__, e)
