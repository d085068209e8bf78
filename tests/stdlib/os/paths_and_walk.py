# os and os.path over a scratch tree: makedirs, walk, scandir, stat_result, environ.
import os
import os.path as p
import stat

base = '/tmp/spindle-os-walk-%d' % os.getpid()
os.makedirs(os.path.join(base, 'a', 'b', 'c'))
os.makedirs(os.path.join(base, 'a', 'b'), exist_ok=True)
try:
    os.makedirs(os.path.join(base, 'a'))
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror)
os.chdir(base)
for name in ('a/f1.txt', 'a/b/f2.py', 'a/b/c/f3', 'top'):
    with open(name, 'w') as f:
        f.write(name * 3)
os.symlink('a/f1.txt', 'link')

for root, dirs, files in os.walk('.'):
    dirs.sort()
    print(root, dirs, sorted(files))
for root, dirs, files in os.walk('a', topdown=False):
    print(root, sorted(dirs), sorted(files))
for root, dirs, files, fd in os.fwalk('a'):
    dirs.sort()
    print('fwalk', root, dirs, sorted(files), type(fd).__name__)

with os.scandir('.') as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(), e.is_file(follow_symlinks=False),
          e.stat().st_size, e.inode() == os.lstat(e.path).st_ino, repr(e), os.fspath(e))
print([e.name for e in sorted(os.scandir(b'a'), key=lambda e: e.name)])

st = os.stat('top')
print(type(st).__name__, len(st), st.st_size, stat.S_ISREG(st.st_mode), st[6], st[stat.ST_SIZE])
print(st.st_mtime == st[8] or int(st.st_mtime) == st[8], isinstance(st.st_mtime, float), isinstance(st.st_mtime_ns, int))
print(abs(st.st_mtime_ns / 1e9 - st.st_mtime) < 1e-3, st.st_blksize > 0, st.st_blocks >= 0)
print(os.stat_result.n_fields, os.stat_result.n_sequence_fields, os.stat_result.n_unnamed_fields)
sr = os.stat_result(range(10))
print(sr, sr.st_atime, sr[7], sr.st_atime_ns)
sr = os.stat_result(range(16))
print(sr.st_atime, sr.st_mtime_ns, sr.st_blksize)
try:
    os.stat_result(range(5))
except TypeError as e:
    print(type(e).__name__, e)
print(os.stat_result.__match_args__)

print(p.exists('top'), p.isfile('top'), p.isdir('a'), p.islink('link'), p.exists('nope'), p.lexists('link'))
print(p.getsize('top'), p.realpath('link') == p.join(base, 'a', 'f1.txt'), p.abspath('x') == p.join(base, 'x'))
print(p.samefile('link', 'a/f1.txt'), p.ismount('/'), p.ismount(base))
print(p.join('a', 'b', '/c'), p.split('/x/y/z.tar.gz'), p.splitext('z.tar.gz'), p.basename('/q/w'), p.dirname('/q/w'))
print(p.normpath('a//b/../c/./d'), p.relpath('/a/b/c', '/a/x'), p.commonpath(['/a/b/c', '/a/b/d']), p.expanduser('x'))
print(p.isabs('/x'), p.isabs('x'))

os.environ['SPINDLE_OS_TEST'] = 'value'
print(os.environ['SPINDLE_OS_TEST'], os.getenv('SPINDLE_OS_TEST'), os.environb[b'SPINDLE_OS_TEST'])
del os.environ['SPINDLE_OS_TEST']
print(os.getenv('SPINDLE_OS_TEST', 'gone'), 'SPINDLE_OS_TEST' in os.environ)
try:
    os.environ['SPINDLE_OS_TEST']
except KeyError as e:
    print(type(e).__name__, e)
print(type(os.environ).__name__, os.environ.get('PATH') == os.environ['PATH'])
print(os.fsencode('x\udcff'), ascii(os.fsdecode(b'x\xff')), os.sep, os.pathsep, os.curdir, os.linesep == '\n', os.name)
print(os.listdir('a') == os.listdir(p.join(base, 'a')), sorted(os.listdir()))

os.rename('top', 'top2')
os.replace('top2', 'a/top3')
os.remove('link')
for root, dirs, files in os.walk(base, topdown=False):
    for f in files:
        os.unlink(p.join(root, f))
    for d in dirs:
        os.rmdir(p.join(root, d))
os.chdir('/')
os.rmdir(base)
print(p.exists(base))
try:
    os.listdir(base)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename == base)
