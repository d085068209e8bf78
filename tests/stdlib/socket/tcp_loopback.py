# A TCP echo server in a thread and a client over loopback.
import socket
import threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, type(port).__name__, port > 0)
print(srv.family, srv.type, srv.proto)
print(repr(srv.family), repr(srv.type))
print(srv.gettimeout(), srv.getblocking())


log = []


def serve():
    conn, addr = srv.accept()
    with conn:
        log.append(("peer host", addr[0]))
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data.upper())
    log.append("done")


t = threading.Thread(target=serve)
t.start()
with socket.create_connection((host, port)) as c:
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    print("nodelay", c.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
    print("peer", c.getpeername() == (host, port))
    c.sendall(b"hello world")
    buf = b""
    while len(buf) < 11:
        buf += c.recv(100)
    print(buf)
    c.send(b"abc")
    b = bytearray(10)
    n = c.recv_into(b)
    while n < 3:
        n += c.recv_into(memoryview(b)[n:])
    print(n, bytes(b[:n]))
    f = c.makefile("rwb")
    f.write(b"line one\n")
    f.flush()
    print(f.readline())
    f.close()
    c.shutdown(socket.SHUT_WR)
    print(c.recv(10))
t.join()
print("server log:", log)
srv.close()
print(srv.fileno(), srv._closed)
try:
    srv.getsockname()
except OSError as e:
    print(type(e).__name__, e.errno)
print(repr(srv).startswith("<socket.socket [closed]"))
