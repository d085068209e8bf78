# Every errno constant and the errorcode table.
import errno

names = sorted(n for n in dir(errno) if not n.startswith('__'))
print(len(names))
for n in names:
    if n != 'errorcode':
        print(n, getattr(errno, n))
print(sorted(errno.errorcode.items()))
print(all(errno.errorcode[getattr(errno, n)] for n in names if n != 'errorcode'))
print(errno.EAGAIN == errno.EWOULDBLOCK, errno.errorcode[errno.EAGAIN])
print(errno.__name__, type(errno.errorcode).__name__)
