# Several threads import the same modules for the first time at once: each
# module body runs once, every thread gets the fully initialised module (the
# others wait for the one running it), a cycle of imports started from both
# ends does not deadlock, and a failing module fails in every thread.
import sys
import threading
import _import_log

NTHREADS = 6

def run_threads(fn, n=NTHREADS):
    # Runs fn(0) .. fn(n - 1) together (a barrier starts them); returns their results.
    barrier = threading.Barrier(n)
    results = [None] * n
    def body(t):
        barrier.wait()
        try:
            results[t] = fn(t)
        except BaseException as e:
            results[t] = (type(e).__name__, str(e))
    threads = [threading.Thread(target=body, args=(t,)) for t in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return results

def runs():
    return sorted(_import_log.runs)

# `import m` and `from m import name` at once: nobody sees a partial module
def plain(t):
    if t % 2:
        from _import_slow import VALUE, double
        return double(VALUE)
    import _import_slow
    return _import_slow.double(_import_slow.VALUE)
print(run_threads(plain), runs())
_import_log.runs.clear()

# a package whose __init__ imports a submodule, and submodules imported by
# several threads at once
def package(t):
    if t % 3 == 0:
        import _import_pkg.second
        return _import_pkg.second.NAME, _import_pkg.READY
    if t % 3 == 1:
        from _import_pkg import first
        import _import_pkg
        return first.NAME, _import_pkg.READY
    from _import_pkg.second import NAME
    import _import_pkg
    return NAME, _import_pkg.READY
print(run_threads(package), runs())
_import_log.runs.clear()

# importlib.import_module from several threads
import importlib
def with_importlib(t):
    m = importlib.import_module('_import_pkg.first' if t % 2 else '_import_slow')
    return m.__name__
print(run_threads(with_importlib))

# two threads enter an import cycle from opposite ends: both finish (one of
# them may get the other's module partially initialised, as in CPython)
def cycle(t):
    if t == 0:
        import _import_cycle_a
    else:
        import _import_cycle_b
    return 'done'
print(run_threads(cycle, 2), runs())
import _import_cycle_a, _import_cycle_b
print(_import_cycle_a.name(), _import_cycle_b.name())
_import_log.runs.clear()

# a module that raises: it is not left in sys.modules; the thread that ran it
# sees the error, a thread that waited for it may get the module object
def failing(t):
    import _import_fails
    return 'imported'
results = run_threads(failing, 4)
print(('ValueError', 'broken module') in results, all(r in ('imported', ('ValueError', 'broken module')) for r in results))
print('_import_fails' in sys.modules, 1 <= len(_import_log.runs) <= 4)
