import socket

a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
b.bind(("127.0.0.1", 0))
print(a.type, a.family)
b.sendto(b"ping", a.getsockname())
data, addr = a.recvfrom(100)
print(data, addr == b.getsockname())
a.sendto(b"pong", 0, addr)
buf = bytearray(8)
n, addr2 = b.recvfrom_into(buf)
print(n, bytes(buf[:n]), addr2 == a.getsockname())
b.connect(a.getsockname())
b.send(b"connected")
print(a.recv(100))
a.settimeout(0.05)
try:
    a.recv(10)
except socket.timeout as e:
    print(type(e).__name__, e, isinstance(e, TimeoutError))
a.setblocking(False)
try:
    a.recv(10)
except BlockingIOError as e:
    print(type(e).__name__)
print(a.gettimeout(), a.getblocking())
a.close()
b.close()
