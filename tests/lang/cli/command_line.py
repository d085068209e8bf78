# The command line: -c, -m (modules and packages through runpy), -, script
# arguments, -V, exit statuses and error messages, run as child processes of
# this interpreter (sys.executable) so CPython and Spindle each test themselves.
import os, sys


def run(args, stdin=b''):
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    in_r, in_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.dup2(in_r, 0)
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        for fd in (out_r, out_w, err_r, err_w, in_r, in_w):
            os.close(fd)
        os.execv(sys.executable, [sys.executable] + args)
    for fd in (out_w, err_w, in_r):
        os.close(fd)
    os.write(in_w, stdin)
    os.close(in_w)
    chunks = {out_r: [], err_r: []}
    for fd in (out_r, err_r):
        while True:
            data = os.read(fd, 65536)
            if not data:
                break
            chunks[fd].append(data)
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    clean = lambda b: b''.join(b).decode().replace(sys.executable, 'PY').replace(tmp, 'TMP')
    return code, clean(chunks[out_r]), clean(chunks[err_r])


def show(args, stdin=b'', stderr_lines=1):
    code, out, err = run(args, stdin)
    print([a.replace(tmp, 'TMP') for a in args[:3]], 'status', code)
    print('  out:', repr(out))
    print('  err:', repr('\n'.join(err.splitlines()[-stderr_lines:])))


tmp = '/tmp/spindle-cli-test-%d' % os.getpid()
os.mkdir(tmp)
script = os.path.join(tmp, 'script.py')
with open(script, 'w') as f:
    f.write('import sys\nprint(sys.argv[1:], __name__)\nsys.exit(int(sys.argv[1]))\n')
data = os.path.join(tmp, 'data.json')
with open(data, 'w') as f:
    f.write('{"b": [1, 2], "a": null}')
pkg = os.path.join(tmp, 'pkg')
os.mkdir(pkg)
with open(os.path.join(pkg, '__init__.py'), 'w') as f:
    f.write('')
with open(os.path.join(pkg, '__main__.py'), 'w') as f:
    f.write('import sys\nprint("pkg main", __name__, __package__, sys.argv[1:])\n')
with open(os.path.join(pkg, 'mod.py'), 'w') as f:
    f.write('print("mod", __name__, __spec__.name)\n')

show(['-c', 'import sys; print(sys.argv)', 'a', 'b'])
show([script, '3', 'x'])
show([script, '0'])
show(['-', 'arg'], b'import sys\nprint("stdin", sys.argv)\n')
show(['-c', 'raise SystemExit("bye")'])
show(['-c', 'raise ValueError("boom")'], stderr_lines=2)
show(['-c', 'def f(:\n  pass'], stderr_lines=4)
show(['-m', 'json.tool', data])
show(['-m', 'json'])
show(['-m', 'no_such_module_here'])
code, out, err = run(['-V'])
print('-V', code, '3.11' in out, err)
os.chdir(tmp)
show(['-m', 'pkg', 'x'])
show(['-m', 'pkg.mod'])
show(['-u', '-c', 'import sys; sys.stdout.write("unbuffered\\n")'])

for d, _, files in list(os.walk(tmp, topdown=False)):
    for name in files:
        os.remove(os.path.join(d, name))
    os.rmdir(d)
