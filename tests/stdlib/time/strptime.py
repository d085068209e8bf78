# strptime is delegated to the stdlib's _strptime.
import time


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: time.strptime('2000', '%Y'))
t(lambda: time.strptime('Fri Feb 13 23:31:30 2009'))
t(lambda: time.strptime('13/02/09 23:31', '%d/%m/%y %H:%M'))
t(lambda: time.strptime('x', '%Y'))
t(lambda: time.strptime())
t(lambda: time.strptime(1, '%Y'))
