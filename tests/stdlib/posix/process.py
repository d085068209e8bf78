# posix process, descriptor and system-information functions.
import posix


def t(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(repr(r))
        return r
    except Exception as e:
        print(type(e).__name__, e)


print(type(posix.getpid()).__name__, posix.getpid() > 1, posix.getppid() > 0)
print(posix.getuid() >= 0, posix.geteuid() >= 0, posix.getgid() >= 0, posix.getegid() >= 0)
print(posix.getpgrp() > 0, type(posix.getgroups()).__name__)

env = posix.environ
print(type(env).__name__, all(type(k) is bytes and type(v) is bytes for k, v in env.items()))
print(b'PATH' in env, 'PATH' in env)
posix.putenv('SPINDLE_TEST_VAR', 'x')
posix.putenv(b'SPINDLE_TEST_VAR2', b'y')
posix.unsetenv('SPINDLE_TEST_VAR')
t(posix.putenv, 'A=B', 'c')
t(posix.putenv, '', 'c')
t(posix.putenv, 'A', 'c\0')
t(posix.putenv, 1, 'c')
t(posix.unsetenv, 'A=B')

u = posix.urandom(16)
print(type(u).__name__, len(u), len(posix.urandom(0)))
t(posix.urandom, -1)
print(posix.strerror(2), posix.strerror(13), repr(posix.strerror(0)))
print(posix.cpu_count() >= 1, len(posix.sched_getaffinity(0)) >= 1)
t(posix.get_terminal_size, 99)
t(posix.isatty, 99)

r, w = posix.pipe()
print(posix.get_inheritable(r), posix.get_inheritable(w))
print(posix.write(w, b'abc'), posix.read(r, 10))
w2 = posix.dup(w)
print(w2 > w, posix.get_inheritable(w2))
posix.write(w2, b'dup')
print(posix.read(r, 10))
posix.dup2(w, 50)
print(posix.get_inheritable(50))
posix.dup2(w, 51, inheritable=False)
print(posix.get_inheritable(51))
posix.set_inheritable(51, True)
print(posix.get_inheritable(51))
posix.set_blocking(r, False)
print(posix.get_blocking(r))
t(posix.read, r, 10)
for fd in (r, w, w2, 50, 51):
    posix.close(fd)
t(posix.dup, 99)
t(posix.lseek, 99, 0, 0)
t(posix.write, 99, 'str')
t(posix.read, 0, -1)

old = posix.umask(0o22)
print(posix.umask(old), posix.umask(old) == old)
un = posix.uname()
print(type(un).__name__, len(un), un.sysname, un[0] == un.sysname, un._fields if hasattr(un, '_fields') else None)
tm = posix.times()
print(type(tm).__name__, len(tm), all(isinstance(x, float) for x in tm), tm.user == tm[0])

status_cases = [0, 3 << 8, 9, 0x7f | (19 << 8), 0xffff, 0x80 | 6]
for s in status_cases:
    print(s, posix.WIFEXITED(s), posix.WEXITSTATUS(s), posix.WIFSIGNALED(s), posix.WTERMSIG(s),
          posix.WIFSTOPPED(s), posix.WSTOPSIG(s), posix.WCOREDUMP(s), posix.WIFCONTINUED(s))
for s in (0, 3 << 8, 9, 0x7f | (19 << 8)):
    t(posix.waitstatus_to_exitcode, s)
t(posix.WIFEXITED, 'x')

pid = posix.fork()
if pid == 0:
    posix._exit(7)
wpid, status = posix.waitpid(pid, 0)
print(wpid == pid, posix.WIFEXITED(status), posix.WEXITSTATUS(status), posix.waitstatus_to_exitcode(status))

pid = posix.fork()
if pid == 0:
    posix.kill(posix.getpid(), 9)
wpid, status = posix.waitpid(pid, 0)
print(posix.WIFSIGNALED(status), posix.WTERMSIG(status), posix.waitstatus_to_exitcode(status))

r, w = posix.pipe()
pid = posix.fork()
if pid == 0:
    posix.dup2(w, 1)
    posix.execv('/bin/echo', ['echo', 'from', 'exec'])
posix.close(w)
print(posix.waitpid(pid, 0)[1], posix.read(r, 100))
posix.close(r)
t(posix.waitpid, pid, 0)
t(posix.execv, '/bin/echo', [])
t(posix.execv, '/bin/echo', [''])
t(posix.execv, '/nonexistent/x', ['x'])
print(posix.kill(posix.getpid(), 0))
t(posix.kill, 2**22 + 12345, 0)
print(posix.WNOHANG, posix.O_CREAT, posix.O_CLOEXEC, posix.F_OK, posix.R_OK, posix.W_OK, posix.X_OK, posix.EX_OK)
print(posix.error is OSError)
