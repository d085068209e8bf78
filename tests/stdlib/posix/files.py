# posix file and directory operations, used directly (no os.py).
import posix

base = '/tmp/spindle-posix-files-%d' % posix.getpid()
posix.mkdir(base)
posix.chdir(base)
print(posix.getcwd() == base, posix.getcwdb() == base.encode())


def t(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(repr(r))
        return r
    except Exception as e:
        print(type(e).__name__, e.args if isinstance(e, OSError) else e,
              getattr(e, 'filename', None), getattr(e, 'filename2', None))


O = posix.O_RDWR | posix.O_CREAT | posix.O_TRUNC
fd = posix.open('a.txt', O, 0o644)
print(posix.write(fd, b'hello world\n'), posix.write(fd, bytearray(b'xyz')))
print(posix.lseek(fd, 0, 0), posix.read(fd, 5), posix.read(fd, 100), posix.read(fd, 10))
print(posix.lseek(fd, -3, 2), posix.read(fd, 2))
posix.fsync(fd)
st = posix.fstat(fd)
print(st.st_size, oct(st.st_mode), len(st), st.st_nlink)
print(posix.get_inheritable(fd), posix.get_blocking(fd), posix.isatty(fd))
posix.ftruncate(fd, 4)
print(posix.fstat(fd).st_size)
posix.close(fd)
t(posix.close, fd)
t(posix.read, fd, 1)
t(posix.open, 'missing', posix.O_RDONLY)
t(posix.open, 'a.txt', posix.O_CREAT | posix.O_EXCL | posix.O_WRONLY)

posix.mkdir('d')
posix.mkdir(b'd/sub', 0o700)
t(posix.mkdir, 'd')
for name in ('d/f1', 'd/f2', 'd/sub/g'):
    posix.close(posix.open(name, posix.O_WRONLY | posix.O_CREAT))
print(sorted(posix.listdir('d')), sorted(posix.listdir(b'd')))
print(sorted(posix.listdir()), sorted(posix.listdir(None)))
t(posix.listdir, 'nope')
t(posix.listdir, 'a.txt')
posix.rename('d/f1', 'd/f3')
posix.replace('d/f2', 'd/f3')
print(sorted(posix.listdir('d')))
t(posix.rename, 'd/zz', 'd/yy')
t(posix.rename, 'd/f3', b'd/yy')
posix.rename(b'd/yy', 'd/f3')
t(posix.rmdir, 'd')
posix.unlink('d/sub/g')
posix.rmdir('d/sub')
posix.remove('d/f3')
t(posix.unlink, 'd/f3')
posix.rmdir('d')

print(posix.access('a.txt', posix.R_OK), posix.access('a.txt', posix.X_OK), posix.access('zz', posix.F_OK))
posix.chmod('a.txt', 0o600)
print(oct(posix.stat('a.txt').st_mode))
posix.symlink('a.txt', 'link')
print(posix.readlink('link'), posix.readlink(b'link'))
print(oct(posix.lstat('link').st_mode & 0o170000), oct(posix.stat('link', follow_symlinks=False).st_mode & 0o170000))
print(posix.stat('link').st_ino == posix.stat('a.txt').st_ino)
posix.link('a.txt', 'hard')
print(posix.stat('a.txt').st_nlink)
posix.utime('a.txt', (1000000000, 1500000000.25))
st = posix.stat('a.txt')
print(st.st_atime, st.st_mtime, st.st_atime_ns, st.st_mtime_ns, st[7], st[8])
posix.utime('a.txt', ns=(5, 2000000000123456789))
st = posix.stat('a.txt')
print(st.st_atime_ns, st.st_mtime_ns, st.st_mtime)
t(posix.utime, 'a.txt', (1, 2), ns=(1, 2))
t(posix.utime, 'a.txt', 5)
posix.truncate('a.txt', 2)
print(posix.stat('a.txt').st_size)
for n in ('link', 'hard', 'a.txt'):
    posix.unlink(n)
print(posix.listdir())

t(posix.stat, 'x\0y')
t(posix.stat, 1.5)
t(posix.stat, None)
t(posix.listdir, 1.5)
t(posix.open, 'a', 'b')
t(posix.lstat, 3)


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


print(posix.fspath('s'), posix.fspath(b'b'), posix.fspath(P('p')), posix.fspath(P(b'q')))
t(posix.fspath, 1)
t(posix.fspath, P(1))
t(posix.stat, P(None))
t(posix.stat, P('nope'))

posix.chdir('/')
posix.rmdir(base)
print('done')
