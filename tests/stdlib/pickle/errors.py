import pickle
# Messages are compared where the C accelerator (_pickle) and pickle.py agree;
# elsewhere only that the right kind of error is raised.

def t(f, kinds=None):
    try:
        print('ok', f())
    except Exception as e:
        if kinds is None:
            print(type(e).__name__, e)
        else:
            print('raised', isinstance(e, kinds))

def make():
    class Inner: pass
    return Inner()
t(lambda: pickle.dumps(lambda: 1), (pickle.PicklingError, AttributeError))
t(lambda: pickle.dumps(make()), (pickle.PicklingError, AttributeError))
t(lambda: pickle.dumps(1, 6))
t(lambda: pickle.loads(b''), EOFError)
t(lambda: pickle.loads(b'garbage'), Exception)
t(lambda: pickle.loads(b'\x80\x04K'), Exception)
t(lambda: pickle.loads(b'\x80\x09.'))
t(lambda: pickle.loads(pickle.dumps(1) + b'junk'))
t(lambda: pickle.loads('str'), TypeError)
class BadReduce:
    def __reduce__(self): return 42
t(lambda: pickle.dumps(BadReduce()), pickle.PicklingError)
class BadReduce2:
    def __reduce__(self): return (1,)
t(lambda: pickle.dumps(BadReduce2()), pickle.PicklingError)
class Raises:
    def __reduce__(self): raise ValueError('nope')
t(lambda: pickle.dumps(Raises()))
import threading
t(lambda: pickle.dumps(threading.Lock()))
t(lambda: pickle.dumps(iter([1])) is not None)
print(issubclass(pickle.PicklingError, pickle.PickleError), issubclass(pickle.UnpicklingError, pickle.PickleError))
deep = []
for i in range(100):
    deep = [deep]
print(len(pickle.dumps(deep)) > 0)
class Unpicklable:
    def __getstate__(self): raise TypeError('no state')
t(lambda: pickle.dumps(Unpicklable(), 2))
t(lambda: pickle.loads(pickle.dumps(Unpicklable)) is Unpicklable)
