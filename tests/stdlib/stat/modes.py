# _stat constants, S_IS* predicates and filemode (through stat.py).
import _stat
import stat

names = sorted(n for n in dir(_stat) if not n.startswith('__'))
print(names)
for n in names:
    v = getattr(_stat, n)
    if isinstance(v, int):
        print(n, v)
modes = [0o100644, 0o40755, 0o120777, 0o20620, 0o60660, 0o10644, 0o140755, 0o104755, 0o102755,
         0o41777, 0o101777, 0o106000, 0o100000, 0]
for m in modes:
    print(oct(m), stat.filemode(m), _stat.filemode(m), stat.S_IMODE(m), stat.S_IFMT(m))
preds = ['S_ISDIR', 'S_ISCHR', 'S_ISBLK', 'S_ISREG', 'S_ISFIFO', 'S_ISLNK', 'S_ISSOCK', 'S_ISDOOR', 'S_ISPORT',
         'S_ISWHT']
for f in preds:
    print(f, [getattr(_stat, f)(m) for m in modes])
print(stat.filemode is _stat.filemode, stat.S_ISDIR is _stat.S_ISDIR)
for bad in ['x', 1.5, -1, 2**40, None]:
    for f in (_stat.S_ISDIR, _stat.filemode, _stat.S_IMODE, _stat.S_IFMT):
        try:
            print(f(bad))
        except Exception as e:
            print(type(e).__name__, e)
