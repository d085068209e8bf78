class CM:
    def __init__(self, suppress=False): self.suppress = suppress
    def __enter__(self):
        print("enter")
        return "value"
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev, tb is not None)
        return self.suppress

with CM() as v:
    print("body", v)
with CM(True):
    raise ValueError("suppressed")
print("after suppressed")
try:
    with CM(False):
        raise KeyError("kept")
except KeyError as e:
    print("propagated", e)

# truthy non-bool return suppresses
with CM([1]):
    1 / 0
print("after truthy")

# return / break / continue inside with
def f():
    with CM():
        return "ret"
print(f())
for i in range(2):
    with CM():
        if i == 0:
            continue
        break

# missing methods
class NoEnter:
    def __exit__(self, *a): pass
class NoExit:
    def __enter__(self): pass
try:
    with NoEnter(): pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
try:
    with NoExit(): pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
try:
    with 5: pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)

# instance attributes are not used
class Empty: pass
e = Empty()
e.__enter__ = lambda: 1
e.__exit__ = lambda *a: None
try:
    with e: pass
except (TypeError, AttributeError) as ex:
    print(type(ex).__name__, ex)

# exception in __exit__ replaces
class BadExit:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with BadExit():
        raise ValueError("orig")
except RuntimeError as ex:
    print(type(ex).__name__, ex, type(ex.__context__).__name__)

# exception in __enter__: __exit__ not called
class BadEnter:
    def __enter__(self): raise ValueError("enter failed")
    def __exit__(self, *a):
        print("should not run")
try:
    with BadEnter(): pass
except ValueError as ex:
    print(type(ex).__name__, ex)

# multiple context managers and order
class Named:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, *a):
        print("exit", self.n)
with Named(1) as a, Named(2) as b:
    print("body", a, b)

# exit receives traceback and the exception instance
class Inspect:
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        print(et is ZeroDivisionError, isinstance(ev, ZeroDivisionError), type(tb).__name__)
        return True
with Inspect():
    1 / 0

# tuple-unpacking target
class Pair:
    def __enter__(self): return (1, 2)
    def __exit__(self, *a): pass
with Pair() as (x, y):
    print(x, y)
