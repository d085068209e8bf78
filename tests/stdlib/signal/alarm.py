import signal
import time

fired = []

def on_alarm(signum, frame):
    fired.append(signal.Signals(signum).name)

signal.signal(signal.SIGALRM, on_alarm)
print(signal.alarm(0))
print(signal.alarm(5))
print(signal.alarm(0) in (4, 5))

# alarm(1): sleep() is interrupted, the handler runs, sleep resumes (PEP 475).
signal.alarm(1)
start = time.monotonic()
time.sleep(1.2)
print(fired, time.monotonic() - start >= 1.1)

# setitimer: one shot, then periodic.
fired.clear()
print(signal.setitimer(signal.ITIMER_REAL, 0.05))
signal.pause()
print(fired)
fired.clear()
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
while len(fired) < 3:
    signal.pause()
old = signal.setitimer(signal.ITIMER_REAL, 0)
print(len(fired) >= 3, type(old).__name__, len(old), old[1] == 0.02)
print(signal.getitimer(signal.ITIMER_REAL))
print(signal.getitimer(signal.ITIMER_VIRTUAL))

# A handler that raises interrupts sleep.
def boom(s, f):
    raise TimeoutError("too slow")

signal.signal(signal.SIGALRM, boom)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    time.sleep(5)
except TimeoutError as e:
    print("TimeoutError", e)
signal.signal(signal.SIGALRM, signal.SIG_DFL)

try:
    signal.setitimer(12345, 1.0)
except signal.ItimerError as e:
    print(type(e).__name__, e.errno, isinstance(e, OSError))
print(signal.ItimerError)
