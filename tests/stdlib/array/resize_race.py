import array, threading, io
a = array.array('d', range(100))
stop = False
def resizer():
    for i in range(3000):
        a.append(1.0); a.extend([2.0, 3.0]); del a[:2]; a.insert(0, 5.0); a.pop()
        if i % 100 == 0: a[:] = array.array('d', range(50))
def reader():
    n = 0
    while not stop:
        try:
            x = a[len(a) - 1]; y = a[10:20]; s = sum(a); a.tobytes(); list(a); 5.0 in a; a.count(1.0)
        except (IndexError, BufferError):
            pass
        n += 1
ts = [threading.Thread(target=resizer) for _ in range(2)]
rs = [threading.Thread(target=reader) for _ in range(2)]
for t in rs + ts: t.start()
for t in ts: t.join()
stop = True
for t in rs: t.join()
print('ok', len(a) > 0)
