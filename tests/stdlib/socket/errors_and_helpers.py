import socket
import errno

# a port with nobody listening
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
c = socket.socket()
try:
    c.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno == errno.ECONNREFUSED)
print(c.connect_ex(("127.0.0.1", port)) == errno.ECONNREFUSED)
c.close()

for addr in ["127.0.0.1", ("127.0.0.1",), ("127.0.0.1", 70000), ("127.0.0.1", "x")]:
    s = socket.socket()
    try:
        s.bind(addr)
    except (TypeError, OverflowError, OSError) as e:
        print(type(e).__name__, e)
    s.close()

print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
infos = socket.getaddrinfo("127.0.0.1", "80", type=socket.SOCK_DGRAM)
print(infos[0][0], infos[0][1], infos[0][4])
print(socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE)[0][4])
try:
    socket.getaddrinfo("127.0.0.1", "nosuchservice-xyz")
except socket.gaierror as e:
    print(type(e).__name__, isinstance(e, OSError), e.errno == socket.EAI_SERVICE)
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname("localhost"))
print(type(socket.gethostname()).__name__)

print(socket.inet_aton("1.2.3.4"), socket.inet_ntoa(b"\x7f\x00\x00\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, b"\x00" * 15 + b"\x01"))
print(socket.inet_ntop(socket.AF_INET, b"\x0a\x00\x00\x01"))
for f, arg in [(socket.inet_aton, "1.2.3.x"), (socket.inet_ntoa, b"12345")]:
    try:
        f(arg)
    except OSError as e:
        print(type(e).__name__, e)
try:
    socket.inet_pton(socket.AF_INET, "300.1.1.1")
except OSError as e:
    print(type(e).__name__, e)
try:
    socket.inet_ntop(socket.AF_INET, b"123")
except ValueError as e:
    print(type(e).__name__, e)
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
for v in (-1, 70000):
    try:
        socket.htons(v)
    except OverflowError as e:
        print(type(e).__name__, e)
print(socket.timeout is TimeoutError, socket.error is OSError, issubclass(socket.herror, OSError))
print(socket.has_ipv6, socket.SOMAXCONN > 0, socket.SOCK_STREAM, socket.AF_INET6, socket.SHUT_RDWR)
print(socket.AddressFamily.AF_INET, socket.SocketKind.SOCK_DGRAM, socket.MSG_PEEK)

s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
s.bind(("::1", 0))
print(len(s.getsockname()), s.getsockname()[0])
s.close()

s = socket.socket()
s.close()
try:
    s.send(b"x")
except OSError as e:
    print(type(e).__name__, e.errno == errno.EBADF)
class MySock(socket.socket):
    pass
m = MySock()
m.extra = 5
print(m.extra, isinstance(m, socket.socket))
m.close()
try:
    socket.socket(fileno=-1)
except ValueError as e:
    print(type(e).__name__, e)
