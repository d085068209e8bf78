import signal
import _thread

def show(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)

show(signal.signal, 0, signal.SIG_DFL)
show(signal.signal, signal.NSIG, signal.SIG_DFL)
show(signal.signal, -1, signal.SIG_DFL)
show(signal.signal, signal.SIGUSR1, 5)
show(signal.signal, signal.SIGUSR1, "handler")
show(signal.signal, signal.SIGUSR1, None)
show(signal.signal, signal.SIGKILL, signal.SIG_IGN)
show(signal.signal, signal.SIGSTOP, lambda s, f: None)
show(signal.signal, "2", signal.SIG_DFL)
show(signal.signal, signal.SIGUSR1)
show(signal.getsignal, 0)
show(signal.getsignal, 100)
show(signal.getsignal, 2.0)
show(signal.strsignal, 0)
show(signal.strsignal, 65)
show(signal.raise_signal, 0)
show(signal.pthread_sigmask, signal.SIG_BLOCK, [0])
show(signal.pthread_sigmask, signal.SIG_BLOCK, [100])
show(signal.pthread_sigmask, 99, [])
show(signal.pthread_sigmask, signal.SIG_BLOCK, 5)
show(signal.set_wakeup_fd, 12345)
show(signal.alarm, "x")
show(signal.siginterrupt, 0, True)
show(signal.sigtimedwait, [signal.SIGUSR1], -1)

results = []
def worker():
    try:
        signal.signal(signal.SIGUSR1, signal.SIG_IGN)
    except ValueError as e:
        results.append(str(e))
    try:
        signal.set_wakeup_fd(-1)
    except ValueError as e:
        results.append(str(e))
    results.append(signal.getsignal(signal.SIGINT) is signal.default_int_handler)

done = _thread.allocate_lock()
done.acquire()
def run():
    worker()
    done.release()
_thread.start_new_thread(run, ())
done.acquire()
print(results)
show(signal.raise_signal, -1)
show(signal.raise_signal, 0)
show(signal.raise_signal, 65)
