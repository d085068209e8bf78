import array, threading
a = array.array('i')
def writer():
    for i in range(3000):
        a.append(i)
        if i % 3 == 0:
            a.pop()
def reader():
    for i in range(3000):
        n = len(a)
        try:
            a[n // 2]
        except IndexError:
            pass
        a[:10]; sum(a[-5:])
ts = [threading.Thread(target=writer) for _ in range(3)] + [threading.Thread(target=reader) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(len(a))
