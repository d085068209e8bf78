# Threads extending the same strings concurrently: results never see each
# other's appended text (concatenation buffers are shared by prefix).
import _thread

N = 6
base = "shared prefix " * 10          # long enough to live in a growable buffer
wide = "ünïcödé " * 10
lock = _thread.allocate_lock()
finished = []
errors = []

def worker(tid):
    letter = chr(ord("A") + tid)
    own = base
    for i in range(3000):
        own += letter
        t = base + letter             # everyone races to extend `base` itself
        if t != base + letter or len(t) != len(base) + 1:
            errors.append(("base", tid, i))
        w = wide + letter * 3
        if not w.endswith(letter * 3) or w[: len(wide)] != wide:
            errors.append(("wide", tid, i))
    if own != base + letter * 3000:
        errors.append(("own", tid))
    parts = own.split(letter)
    with lock:
        finished.append((tid, len(own), len(parts), hash(own) == hash(base + letter * 3000)))

for tid in range(N):
    _thread.start_new_thread(worker, (tid,))
while True:
    with lock:
        if len(finished) == N:
            break
print(sorted(finished))
print(errors)
print(base.endswith("prefix "), len(base), wide[-3:])
