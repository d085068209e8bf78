# sys.exc_info() is restored when an exception leaves a finally block or an
# unmatched except clause and is then suppressed or caught further out.
import sys


class Suppress:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        return True


def through_finally():
    try:
        raise ValueError("f")
    finally:
        x = 1


def through_empty_finally():
    try:
        raise SystemExit
    finally:
        pass


def through_unmatched_except():
    try:
        raise ValueError("e")
    except KeyError:
        pass


for fn in (through_finally, through_empty_finally, through_unmatched_except):
    with Suppress():
        fn()
    print(fn.__name__, sys.exc_info())
    try:
        fn()
    except BaseException:
        pass
    print(fn.__name__, sys.exc_info())

try:
    raise KeyError("outer")
except KeyError:
    with Suppress():
        through_finally()
    print("inside handler:", repr(sys.exc_info()[1]))
print(sys.exc_info())


# An exception thrown into a generator that is handling one gets it as __context__.
def handling():
    try:
        raise KeyError(3)
    except KeyError:
        yield


g = handling()
next(g)
try:
    g.throw(ValueError("thrown"))
except ValueError as e:
    print(repr(e), repr(e.__context__))


def not_handling():
    yield


g = not_handling()
next(g)
try:
    g.throw(ValueError("thrown"))
except ValueError as e:
    print(repr(e), repr(e.__context__))
