def lineno_after_raise(f):
    try:
        f()
    except Exception as ex:
        t = ex.__traceback__
    lines = []
    t = t.tb_next
    while t:
        frame = t.tb_frame
        lines.append(None if frame.f_lineno is None else frame.f_lineno - frame.f_code.co_firstlineno)
        t = t.tb_next
    print(f.__name__, tuple(lines))
def in_except():
    try:
        1/0
    except:
        1/0
        pass
def other_except():
    try:
        1/0
    except TypeError as ex:
        pass
def in_try():
    try:
        1/0
    finally:
        pass
def in_finally_except():
    try:
        1/0
    finally:
        1/0
        pass
class Noop:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        pass
def after_with():
    with Noop():
        1/0
        pass
for f in (in_except, other_except, in_try, in_finally_except, after_with):
    lineno_after_raise(f)
