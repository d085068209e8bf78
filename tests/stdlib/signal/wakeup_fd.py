import os
import signal

r, w = os.pipe()
try:
    signal.set_wakeup_fd(w)
except ValueError as e:
    print("ValueError", str(e).replace(str(w), "N"))
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w))
signal.signal(signal.SIGUSR1, lambda s, f: print("handler", s))
os.kill(os.getpid(), signal.SIGUSR1)
print(os.read(r, 10))
print(signal.set_wakeup_fd(-1) == w)
os.kill(os.getpid(), signal.SIGUSR1)
os.set_blocking(r, False)
try:
    os.read(r, 10)
except BlockingIOError:
    print("nothing written")
b, _ = os.pipe()
try:
    signal.set_wakeup_fd(b)
except ValueError as e:
    print("ValueError", str(e).replace(str(b), "N"))
