# Streaming with random chunk sizes and max_length: every output, tail and
# unused_data length must match CPython's exactly.
import random, zlib

rng = random.Random(1234)
words = [b"alpha", b"beta", b"gamma", b"delta", b"\x00\xff", b"zeta" * 3]
summary = []
for trial in range(30):
    data = b" ".join(rng.choice(words) for _ in range(rng.randrange(0, 1500)))
    if trial % 5 == 0:
        data += rng.randbytes(rng.randrange(0, 3000))
    level = rng.choice([-1, 0, 1, 5, 9])
    wbits = rng.choice([15, -15, 31, 9, -9])
    c = zlib.compressobj(level, zlib.DEFLATED, wbits, rng.choice([1, 8, 9]), rng.choice([0, 1, 2, 3, 4]))
    parts = []
    pos = 0
    while pos < len(data):
        n = rng.randrange(1, 700)
        parts.append(c.compress(data[pos:pos + n]))
        pos += n
        if rng.random() < 0.2:
            parts.append(c.flush(rng.choice([zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_BLOCK])))
    parts.append(c.flush())
    z = b"".join(parts)
    extra = rng.randbytes(rng.randrange(0, 20))
    stream = z + extra
    d = zlib.decompressobj(47 if wbits == 31 else wbits)
    out = []
    lens = []
    pos = 0
    pending = b""
    while pos < len(stream) or pending:
        if pending:
            chunk, pending = pending, b""
        else:
            n = rng.randrange(1, 400)
            chunk = stream[pos:pos + n]
            pos += n
        piece = d.decompress(chunk, rng.choice([0, 3, 50, 300, 5000]))
        out.append(piece)
        lens.append((len(piece), len(d.unconsumed_tail), len(d.unused_data), d.eof))
        # after the end of the stream CPython leaves the tail in place (and copies it to unused_data)
        pending = b"" if d.eof else d.unconsumed_tail
    out.append(d.flush())
    ok = b"".join(out) == data
    summary.append((trial, len(z), zlib.crc32(z), ok, d.eof, d.unused_data == extra, zlib.crc32(repr(lens).encode())))
for s in summary:
    print(*s)
