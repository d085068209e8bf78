import _thread, signal, threading
for bad in (-1, signal.NSIG, 1000000):
    try:
        _thread.interrupt_main(bad)
    except ValueError as e:
        print("ValueError", e)
signal.signal(signal.SIGINT, signal.SIG_IGN)
_thread.interrupt_main()
signal.signal(signal.SIGINT, signal.SIG_DFL)
_thread.interrupt_main()
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    _thread.interrupt_main()
    for i in range(1000): pass
except KeyboardInterrupt:
    print("KeyboardInterrupt")
got = []
signal.signal(signal.SIGTERM, lambda s, f: got.append(s))
_thread.interrupt_main(signal.SIGTERM)
for i in range(1000): pass
print(got)
def call_interrupt():
    _thread.interrupt_main()
t = threading.Thread(target=call_interrupt)
try:
    t.start()
    t.join()
except KeyboardInterrupt:
    print("KeyboardInterrupt from thread")
t.join()
print("done")
try:
    with open("/dev/null") as f:
        _thread.interrupt_main()
        print("not reached")
except KeyboardInterrupt:
    print("KeyboardInterrupt at once")
