import os
import signal

received = []

def handler(signum, frame):
    received.append((signum, type(frame).__name__))

old = signal.signal(signal.SIGUSR1, handler)
print("old", old)
print(signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print(received)

# A handler runs before the next statement, even in a loop.
signal.signal(signal.SIGUSR2, lambda s, f: received.append(signal.Signals(s).name))
for i in range(3):
    os.kill(os.getpid(), signal.SIGUSR2)
print(received)

# A raising handler propagates to the code that was running.
def raiser(signum, frame):
    raise RuntimeError("from handler %d" % signum)

signal.signal(signal.SIGUSR1, raiser)
try:
    os.kill(os.getpid(), signal.SIGUSR1)
    print("not reached?")
except RuntimeError as e:
    print("caught", e)

prev = signal.signal(signal.SIGUSR1, signal.SIG_IGN)
print(prev is raiser)
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1))
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL))
print(signal.getsignal(signal.SIGUSR1))

# raise_signal runs the handler synchronously too.
hits = []
signal.signal(signal.SIGUSR2, lambda s, f: hits.append(s))
signal.raise_signal(signal.SIGUSR2)
print(hits)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)
