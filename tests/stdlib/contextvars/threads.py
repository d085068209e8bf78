# Each thread has its own current context; a context runs in one thread at a time.
import threading
from contextvars import ContextVar, copy_context

var = ContextVar("var", default="main-default")
var.set("main")
results = {}

def worker(n):
    results[n, "start"] = var.get()
    var.set(n)
    for _ in range(1000):
        assert var.get() == n
    results[n, "end"] = var.get()

threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
print(var.get())

# A copied context carries the values into another thread.
ctx = copy_context()
out = []
t = threading.Thread(target=lambda: out.append(ctx.run(var.get)))
t.start()
t.join()
print(out)

# Entering the same context in two threads at once fails in the second.
gate = threading.Event()
release = threading.Event()
errors = []
def hold():
    gate.set()
    release.wait()
t = threading.Thread(target=ctx.run, args=(hold,))
t.start()
gate.wait()
try:
    ctx.run(print, "should not run")
except RuntimeError as e:
    errors.append("already entered" in str(e))
release.set()
t.join()
print(errors)
