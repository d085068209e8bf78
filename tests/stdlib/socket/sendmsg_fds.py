# sendmsg/recvmsg with SCM_RIGHTS, directly and through send_fds/recv_fds.
import os
import socket

# sendmsg / recvmsg with file descriptors
a, b = socket.socketpair()
r, w = os.pipe()
a.sendmsg([b"fds"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, r.to_bytes(4, "little"))])
msg, anc, flags, addr = b.recvmsg(10, socket.CMSG_SPACE(4))
print(msg, len(anc), anc[0][0] == socket.SOL_SOCKET, anc[0][1] == socket.SCM_RIGHTS, flags)
newfd = int.from_bytes(anc[0][2], "little")
os.write(w, b"via pipe")
print(os.read(newfd, 100))
for x in (r, w, newfd):
    os.close(x)
a.close()
b.close()


a, b = socket.socketpair()
r, w = os.pipe()
socket.send_fds(a, [b"two"], [r, w])
msg, fds, flags, addr = socket.recv_fds(b, 10, 2)
print(msg, len(fds), flags, addr)
for x in [r, w] + fds:
    os.close(x)
a.close()
b.close()
