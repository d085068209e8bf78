# os process and system information helpers built on posix.
import os

print(os.getpid() == os.getpid(), os.cpu_count() >= 1, len(os.urandom(5)))
print(os.strerror(1), os.umask(0o22) >= 0)
u = os.uname()
print(u.sysname, len(u))
t = os.times()
print(len(t), t.elapsed > 0)
try:
    os.get_terminal_size(123)
except OSError as e:
    print(type(e).__name__, e.errno)
print(os.access('/', os.R_OK), os.access('/nonexistent', os.F_OK))
print(os.supports_follow_symlinks >= {os.stat}, os.stat in os.supports_dir_fd, os.stat in os.supports_fd)
print(os.scandir in os.supports_fd, os.listdir in os.supports_fd)

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b'child says hi')
    os._exit(5)
os.close(w)
data = b''
while True:
    chunk = os.read(r, 4)
    if not chunk:
        break
    data += chunk
os.close(r)
wpid, status = os.waitpid(pid, 0)
print(data, wpid == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))
print(os.system('exit 3') >> 8)
