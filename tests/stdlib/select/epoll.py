import select
import selectors
import socket

print(selectors.DefaultSelector.__name__)
a, b = socket.socketpair()
ep = select.epoll()
print(ep.closed, ep.fileno() >= 0)
ep.register(a.fileno(), select.EPOLLIN)
print(ep.poll(0))
b.send(b"x")
print([(fd == a.fileno(), ev) for fd, ev in ep.poll(1)])
ep.modify(a, select.EPOLLOUT)
print([(fd == a.fileno(), ev) for fd, ev in ep.poll(timeout=0.1, maxevents=1)])
ep.unregister(a)
print(ep.poll(0.01))
try:
    ep.register(a.fileno(), select.EPOLLIN)
    ep.register(a.fileno(), select.EPOLLIN)
except FileExistsError as e:
    print(type(e).__name__)
try:
    ep.modify(b.fileno(), select.EPOLLIN)
except FileNotFoundError as e:
    print(type(e).__name__)
try:
    ep.poll(0, 0)
except ValueError as e:
    print(type(e).__name__, e)
ep.close()
print(ep.closed)
try:
    ep.poll()
except ValueError as e:
    print(type(e).__name__, e)
with select.epoll() as ep2:
    print(ep2.closed)
print(ep2.closed)
print(select.EPOLLIN, select.EPOLLOUT, select.EPOLLET, select.EPOLLONESHOT, select.EPOLLRDHUP)

print(a.recv(10))
sel = selectors.DefaultSelector()
sel.register(a, selectors.EVENT_READ, "data-a")
print(sel.select(0))
b.send(b"y")
for key, mask in sel.select(1):
    print(key.data, mask, key.fileobj is a)
print(a.recv(10))
sel.close()
a.close()
b.close()
