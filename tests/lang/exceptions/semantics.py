import sys
def f():
    try:
        raise ValueError('v')
    except ValueError as e:
        print('caught', e, e.args)
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info())
f()
try:
    e
except NameError as err:
    print('e unbound after except:', err)

try:
    try:
        raise KeyError('inner')
    except KeyError as e:
        raise RuntimeError('outer')
except RuntimeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    raise RuntimeError('x') from KeyError('cause')
except RuntimeError as e:
    print(repr(e.__cause__), e.__suppress_context__)

try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args)

class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f'[{self.code}] {self.args[0]}'
try:
    raise MyErr(42, 'custom')
except Exception as e:
    print(e, repr(e), isinstance(e, MyErr))

def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        raise
try:
    reraise()
except ZeroDivisionError as e:
    print('reraised', e)

try:
    raise
except RuntimeError as e:
    print(e)

for exc in [ValueError, (TypeError, ValueError)]:
    try:
        raise ValueError('m')
    except exc as e:
        print('matched', type(e).__name__)

try:
    try:
        raise ValueError
    finally:
        print('finally runs')
except ValueError:
    print('propagated')

def finally_overrides():
    try:
        raise ValueError
    finally:
        return 'swallowed'
print(finally_overrides())

try:
    raise 5
except TypeError as e:
    print(e)
try:
    raise ValueError from 5
except TypeError as e:
    print(e)
try:
    try:
        pass
    except 5:
        pass
    print('no exception, no check')
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print(e)

e = Exception('a', 'b')
print(e.args, str(e), repr(e))
print(str(Exception()), repr(Exception()), str(Exception('one')))
print(KeyError('k'), str(KeyError('a', 'b')))
e = OSError(2, 'No such file')
print(type(e).__name__, e.errno, e.strerror, e)
print(type(OSError(13, 'denied')).__name__)
e = OSError(2, 'msg', 'file.txt')
print(e, e.filename)
print(issubclass(FileNotFoundError, OSError), IOError is OSError, EnvironmentError is OSError)
try:
    open('/nonexistent/file')
except FileNotFoundError as e:
    print(e.errno, e.filename, e)
print(StopIteration(5).value, SystemExit(3).code)
print(UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte'))
e = ValueError('x')
e.add_note('a note')
print(e.__notes__)
e2 = e.with_traceback(None)
print(e2 is e)
print(BaseException.__subclasses__()[:4] if False else len(Exception.__mro__))
print(ExceptionGroup('g', [ValueError(1)]).exceptions)
try:
    raise ExceptionGroup('eg', [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as eg:
    print('value errors', eg.exceptions)
except* TypeError as eg:
    print('type errors', eg.exceptions)
try:
    try:
        raise ExceptionGroup('eg', [KeyError('a'), OSError('b')])
    except* KeyError:
        print('handled KeyError')
except ExceptionGroup as rest:
    print('rest', repr(rest))
def exc_in_except():
    try:
        raise ValueError
    except ValueError:
        try:
            raise TypeError
        except TypeError:
            pass
        return sys.exc_info()[0].__name__
print(exc_in_except())
class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError
print(repr(Unprintable()))
def gen_exc():
    try:
        yield
    except GeneratorExit:
        print('gen exit')
        raise
g = gen_exc(); next(g); del g
import gc; gc.collect()
try:
    {}['missing']
except LookupError as e:
    print(type(e).__name__, e)
try:
    [][1]
except IndexError as e:
    print(e)
try:
    int('abc')
except ValueError as e:
    print(e)
try:
    None.attr
except AttributeError as e:
    print(e, e.name, e.obj)
try:
    undefined
except NameError as e:
    print(e, e.name)
