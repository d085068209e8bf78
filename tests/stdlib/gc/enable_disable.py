# gc.enable/disable are an on/off switch (not counted), also when threads race on them;
# gc.collect() works while collection is disabled.
import gc, threading
gc.disable(); gc.disable(); gc.enable()
print(gc.isenabled())
gc.enable(); gc.enable(); gc.disable()
print(gc.isenabled())
print(gc.collect() >= 0, gc.isenabled())
gc.enable()

def flip(n):
    for i in range(n):
        gc.disable()
        gc.enable()
        if i % 100 == 0:
            gc.collect()

threads = [threading.Thread(target=flip, args=(500,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(gc.isenabled())
