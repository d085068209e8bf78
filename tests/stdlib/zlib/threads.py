import threading, zlib

data = b"".join(b"%d " % i for i in range(20000))
c = zlib.compressobj()
errors = []
outs = [[] for _ in range(4)]

def work(k):
    try:
        for i in range(50):
            outs[k].append(c.compress(data[i * 100:(i + 1) * 100]))
    except Exception as e:
        errors.append(e)

ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(errors)
z = b"".join(b"".join(o) for o in outs) + c.flush()
print(len(zlib.decompress(z)))

d = zlib.decompressobj()
zz = zlib.compress(data * 3)
pieces = [zz[i:i + 1000] for i in range(0, len(zz), 1000)]
lock = threading.Lock()
got = []
def dwork():
    while True:
        with lock:
            if not pieces:
                return
            p = pieces.pop(0)
            got.append(d.decompress(p))
ts = [threading.Thread(target=dwork) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(b"".join(got) == data * 3, d.eof)

# unsynchronized use of one decompressor from several threads must not crash
d = zlib.decompressobj()
def racer():
    for _ in range(200):
        try:
            d.decompress(zz[:500])
        except zlib.error:
            pass
ts = [threading.Thread(target=racer) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print("survived")
