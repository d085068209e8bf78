import hashlib, threading

chunk = bytes(range(256)) * 40
for name in ("sha256", "md5", "blake2b", "sha3_256"):
    h = hashlib.new(name)
    def work():
        for _ in range(200):
            h.update(chunk)
    ts = [threading.Thread(target=work) for _ in range(4)]
    for t in ts: t.start()
    for t in ts: t.join()
    print(name, h.hexdigest() == hashlib.new(name, chunk * 800).hexdigest())
