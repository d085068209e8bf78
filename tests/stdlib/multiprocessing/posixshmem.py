# _posixshmem: shm_open/shm_unlink, errors; multiprocessing.resource_tracker imports it.
import _posixshmem, os
name = '/spindle_test_shm_%d' % os.getpid()
fd = _posixshmem.shm_open(name, os.O_CREAT | os.O_EXCL | os.O_RDWR, mode=0o600)
os.ftruncate(fd, 16); os.write(fd, b'hello'); os.lseek(fd, 0, 0); print(os.read(fd, 5))
os.close(fd)
_posixshmem.shm_unlink(name)
try: _posixshmem.shm_unlink(name)
except FileNotFoundError as e: print('FileNotFoundError', e.errno, e.filename == name)
try: _posixshmem.shm_open(5, 0)
except TypeError as e: print('TypeError')
import multiprocessing.resource_tracker
print('ok')
