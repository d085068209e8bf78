# An exception in a _thread thread goes to sys.unraisablehook;
# sys._current_frames sees each thread.
import _thread
import sys
import threading

seen = []


def hook(args):
    seen.append((type(args).__name__, args.exc_type.__name__, str(args.exc_value),
                 args.err_msg, args.object is task, args.exc_traceback is not None))


def task(lock):
    try:
        raise ValueError('task failed')
    finally:
        lock.release()


def run_thread(fn):
    lock = _thread.allocate_lock()
    lock.acquire()
    _thread.start_new_thread(fn, (lock,))
    lock.acquire()
    while _thread._count():
        pass


sys.unraisablehook = hook
run_thread(task)
print(seen)
try:
    sys.__unraisablehook__(1)
except TypeError as e:
    print(type(e).__name__, e)

started, stop = threading.Event(), threading.Event()


def waiter():
    started.set()
    stop.wait()


t = threading.Thread(target=waiter)
t.start()
started.wait()
frames = sys._current_frames()
print(sorted(frames) == sorted([threading.get_ident(), t.ident]))
print(frames[threading.get_ident()].f_code.co_name, type(frames[t.ident]).__name__)
stop.set()
t.join()
