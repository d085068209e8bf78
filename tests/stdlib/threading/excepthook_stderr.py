# check: stderr
# The default threading.excepthook prints the thread name and the traceback;
# SystemExit in a thread is silent.
import sys
import threading


def fail():
    raise ValueError('boom')


t = threading.Thread(target=fail, name='failing')
t.start()
t.join()
t = threading.Thread(target=sys.exit, args=(3,))
t.start()
t.join()
threading.excepthook(threading.ExceptHookArgs((KeyError, KeyError('k'), None, t)))
try:
    threading.excepthook((1, 2, 3, 4))
except TypeError as e:
    print(type(e).__name__, e)
print('after', t.is_alive())
