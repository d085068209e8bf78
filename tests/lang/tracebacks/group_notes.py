# check: stderr
class E(Exception): pass
try:
    raise E('x')
except E as e:
    e.add_note('note one\nsecond line')
    e.add_note('note two')
    raise ExceptionGroup('outer', [e, ValueError(1)] + [KeyError(i) for i in range(16)])
