# check: stderr
def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError('bad value') from e
try:
    f()
except ValueError:
    try:
        int('x')
    except ValueError:
        raise KeyError('during handling')
