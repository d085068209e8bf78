def gen():
    try:
        x = yield 1
        print('got', x)
        y = yield x * 2
        print('got', y)
    except ValueError as e:
        print('caught', e)
        yield 'after-throw'
    finally:
        print('cleanup')
g = gen()
print(next(g))
print(g.send(10))
print(g.throw(ValueError('boom')))
try:
    next(g)
except StopIteration:
    print('stopped')

def closing():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('GeneratorExit seen')
        raise
g = closing()
next(g)
g.close()
print(g.gi_frame)

def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = bad_close(); next(g)
try:
    g.close()
except RuntimeError as e:
    print(e)

def ret():
    yield 1
    return 'value'
g = ret(); next(g)
try:
    next(g)
except StopIteration as e:
    print('return value', e.value)

def inner():
    a = yield 'i1'
    print('inner got', a)
    return 'inner-result'
def outer():
    r = yield from inner()
    print('yield from returned', r)
    yield from range(2)
    yield from [7, 8]
g = outer()
print(next(g), g.send('S'), next(g), next(g), next(g))

def delegating_throw():
    try:
        yield from inner()
    except KeyError as e:
        print('outer caught', repr(e))
        yield 'recovered'
g = delegating_throw(); next(g)
print(g.throw(KeyError('k')))

try:
    g = gen()
    g.send(5)
except TypeError as e:
    print(e)

def running():
    yield g2.send(None)
g2 = running()
try:
    next(g2)
except ValueError as e:
    print(e)

def stopiter_in_gen():
    raise StopIteration('x')
    yield
try:
    next(stopiter_in_gen())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)

g = (i for i in range(3))
print(g.gi_running, g.__name__, g.__qualname__)
print(list(g), list(g))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def gen_exc_state():
    try:
        raise KeyError('a')
    except KeyError:
        yield 1
        import sys
        print('exc inside gen', repr(sys.exc_info()[1]))
g = gen_exc_state()
next(g)
import sys
print('outside', sys.exc_info())
try:
    next(g)
except StopIteration:
    pass
def throw_type():
    yield
g = throw_type(); next(g)
try:
    g.throw(ValueError, ValueError('v'), None)
except ValueError as e:
    print('throw with type', e)
try:
    g.throw(int)
except TypeError as e:
    print(e)
print(gen.__code__.co_flags & 0x20 != 0)
