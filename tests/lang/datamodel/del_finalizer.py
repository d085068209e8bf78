import gc
log = []
class D:
    def __init__(self, name): self.name = name
    def __del__(self):
        log.append(self.name)

def make():
    D("local")
make()
gc.collect()
gc.collect()
print("local" in log)

x = D("rebound")
x = None
for _ in range(3):
    gc.collect()
print("rebound" in log)

# explicit call of __del__ is a normal method call
y = D("explicit")
y.__del__()
print(log.count("explicit") >= 1)

# exception in __del__ is ignored (printed to stderr)
class Bad:
    def __del__(self):
        raise ValueError("ignored")
Bad()
for _ in range(3):
    gc.collect()
print("still running")

# __del__ added after class creation
class LateDel: pass
LateDel.__del__ = lambda self: log.append("late")
print(hasattr(LateDel, "__del__"))
