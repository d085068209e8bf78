import os
import select

r, w = os.pipe()

def names(result):
    return tuple([{r: 'r', w: 'w'}.get(x, x) for x in lst] for lst in result)

print(names(select.select([r], [w], [], 0)))
os.write(w, b'x')
print(names(select.select([r], [], [], 0.5)))
print(select.select([], [], [], 0.01))

class F:
    def __init__(self, fd):
        self.fd = fd
    def fileno(self):
        return self.fd
    def __repr__(self):
        return "F(%s)" % ("r" if self.fd == r else "w")

print(select.select([F(r)], [F(w)], [], None))
p = select.poll()
p.register(r, select.POLLIN)
p.register(F(w), select.POLLOUT)
print(sorted((fd == r, ev) for fd, ev in p.poll(0)))
p.modify(w, select.POLLIN)
print(sorted((fd == r, ev) for fd, ev in p.poll(0)))
os.read(r, 1)
print(p.poll(10))
p.unregister(w)
os.close(w)
print([(fd == r, ev) for fd, ev in p.poll()])
for f, args in ((p.unregister, (w,)), (p.modify, (12345, 1)), (p.register, ("x",)), (p.register, (-1,)),
                (select.select, ([r], [], [], -1)), (select.select, (["x"], [], [])), (select.select, ([], [], [], "x")),
                (p.poll, ("x",))):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e if not isinstance(e, KeyError) else '')
print(select.error is OSError, select.POLLIN, select.POLLOUT, select.POLLHUP, select.POLLNVAL)
try:
    select.poll.__new__(type(p))
except TypeError as e:
    print("TypeError")
