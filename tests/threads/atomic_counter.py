# Read-modify-write inside spindle.atomic() blocks from several threads loses no update.
import threading
try:
    from spindle import atomic
except ImportError:
    _lock = threading.Lock()
    atomic = lambda: _lock
counter = [0]
garbage = []
def work(n):
    for i in range(n):
        with atomic():
            v = counter[0]
            junk = [str(j) for j in range(5)]
            counter[0] = v + 1
ts = [threading.Thread(target=work, args=(300,)) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print(counter[0])
