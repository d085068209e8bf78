import threading
from abc import ABC
class Root(ABC): pass
classes = [type('C%d' % i, (), {}) for i in range(200)]
errors = []
def registrar():
    for c in classes[::2]:
        Root.register(c)
def checker():
    try:
        for _ in range(5):
            for c in classes:
                isinstance(c(), Root); issubclass(c, Root)
    except Exception as e:
        errors.append(e)
ts = [threading.Thread(target=registrar)] + [threading.Thread(target=checker) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(errors, sum(issubclass(c, Root) for c in classes))
