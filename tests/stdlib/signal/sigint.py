import signal

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
    print("not reached")
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))

try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("direct call raises KeyboardInterrupt")

seen = []
old = signal.signal(signal.SIGINT, lambda s, f: seen.append(s))
print(old is signal.default_int_handler)
signal.raise_signal(signal.SIGINT)
print(seen)
signal.signal(signal.SIGINT, old)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("restored")

import _thread
try:
    _thread.interrupt_main()
    for i in range(1000):
        pass
    print("not interrupted?")
except KeyboardInterrupt:
    print("interrupt_main")
