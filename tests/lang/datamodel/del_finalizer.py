# __del__ runs for unreachable instances once the collector runs. The collector
# may be conservative (a stale stack slot can keep one object alive a while),
# so the checks are about most of many objects, never about one in particular.
import gc
log = []
class D:
    def __init__(self, name): self.name = name
    def __del__(self):
        log.append(self.name)

def make(n):
    for i in range(n):
        D(i)
make(200)
for _ in range(3):
    gc.collect()
print(len(log) >= 150)

log.clear()
x = None
for i in range(200):
    x = D(i)
    x = None
for _ in range(3):
    gc.collect()
print(len(log) >= 150)

# an explicit call of __del__ is a normal method call
log.clear()
y = D("explicit")
y.__del__()
print(log)

# exceptions in __del__ are reported on stderr and otherwise ignored
class Bad:
    def __del__(self):
        raise ValueError("ignored")
def make_bad():
    for _ in range(5):
        Bad()
make_bad()
for _ in range(3):
    gc.collect()
print("still running")

# __del__ added after class creation applies to later instances
class LateDel: pass
LateDel.__del__ = lambda self: log.append("late")
log.clear()
def make_late():
    for _ in range(100):
        LateDel()
make_late()
for _ in range(3):
    gc.collect()
print(log.count("late") >= 50)
