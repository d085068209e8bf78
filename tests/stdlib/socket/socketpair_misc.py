import socket
import os

a, b = socket.socketpair()
print(a.family, a.type)
a.sendall(b"x" * 5)
print(b.recv(5))
b.sendall(b"reply")
print(a.recv(100))
d = a.dup()
print(d.fileno() != a.fileno(), d.family == a.family)
d.send(b"from dup")
print(b.recv(100))
d.close()
fd = a.detach()
print(a.fileno())
s = socket.socket(fileno=fd)
print(s.family, s.type)
s.send(b"again")
print(b.recv(100))
s.close()
print(b.recv(100))
b.close()

print(socket.CMSG_LEN(4), socket.CMSG_SPACE(4), socket.CMSG_LEN(0))

# timeouts
a, b = socket.socketpair()
a.settimeout(0.05)
print(a.gettimeout())
try:
    a.recv(1)
except TimeoutError as e:
    print("timeout:", e)
a.settimeout(None)
print(a.gettimeout(), a.getblocking())
for bad in (-1, float("nan"), "x"):
    try:
        a.settimeout(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
c = socket.socket()
print(c.gettimeout(), socket.getdefaulttimeout())
c.close()
socket.setdefaulttimeout(None)
a.close()
b.close()

with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as u:
    u.bind(b"\0spindle-test-abstract-%d" % os.getpid())
    print(u.getsockname().startswith(b"\0spindle-test-abstract"))
