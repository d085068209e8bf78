"""Shared by the code_cache_*.py tests: a module whose compiled code gets
cached (Spindle's code cache, CPython's __pycache__), written to a temporary
directory, and children of this interpreter (sys.executable) that import it
with SPINDLE_CACHE_DIR in that directory. Output never names the cache."""
import os
import shutil
import subprocess
import sys
import tempfile

MODULE = '''\
"""A module whose code is cached."""
import sys
import traceback

CONSTS = (1, -2**70, 2.5, -0.0, 1e300 * 1e300, 3j, b"by\\x00tes", "\\u00e9\\U0001F600", ..., None,
          frozenset({1, 2}), (1, (2, "s")), True)


def outer(a, b=10, *, c=100):
    """outer's doc"""
    cell = a

    def inner(x):
        nonlocal cell
        cell += x
        return cell + b + c
    return inner


def divide(a, b):
    return (a +
            a) / b


class Box:
    def __init__(self, value):
        self.value = value

    def get(self, key):
        return self.value[key]["inner"]


def gen():
    yield 1
    try:
        yield 2
    finally:
        print("gen cleanup")


def classify(v):
    match v:
        case [1, *rest]:
            return f"list {rest!r:>8}"
        case {"k": x}:
            return f"map {x}"
        case _:
            return "other"


def main():
    print(__doc__, outer.__doc__, outer.__code__.co_varnames, outer.__code__.co_cellvars)
    print(CONSTS)
    print(outer(3)(4), outer(1, c=2)(0))
    print(list(gen()))
    print(classify([1, 2, 3]), classify({"k": 5}), classify(7))
    try:
        divide(1, 0)
    except ZeroDivisionError as e:
        print("caught", e, e.__traceback__.tb_next.tb_lineno)
    try:
        Box({"k": {}}).get("k")
    except KeyError:
        traceback.print_exc(file=sys.stdout)
    divide(2, 0)
'''

MAIN = '''\
import traceback
import ccmod
try:
    ccmod.main()
except ZeroDivisionError:
    print(traceback.format_exc())
'''



class Sandbox:
    def __init__(self):
        self.tmp = tempfile.mkdtemp()
        self.caches = [os.path.join(self.tmp, "cache"), os.path.join(self.tmp, "__pycache__")]
        self.source = os.path.join(self.tmp, "ccmod.py")
        self.write(MODULE)
        with open(os.path.join(self.tmp, "ccmain.py"), "w") as f:
            f.write(MAIN)
        self.env = dict(os.environ, SPINDLE_CACHE_DIR=self.caches[0])
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env.pop("SPINDLE_NO_CODE_CACHE", None)
        # `import ccmod` from -c, the ordinary import statement.
        self.importing = ["-c", f"import sys; sys.path.insert(0, {self.tmp!r}); import ccmod; ccmod.main()"]

    def write(self, text):
        with open(self.source, "w") as f:
            f.write(text)

    def run(self, *args):
        """(exit status, stdout, stderr) of a child, the temporary directory shown as <tmp>."""
        p = subprocess.run([sys.executable, *args], cwd=self.tmp, env=self.env, capture_output=True)
        return p.returncode, p.stdout.decode().replace(self.tmp, "<tmp>"), p.stderr.decode().replace(self.tmp, "<tmp>")

    def snapshot(self):
        """Identity of every cache file: which exist, and whether they were replaced."""
        out = {}
        for d in self.caches:
            if os.path.isdir(d):
                for name in os.listdir(d):
                    st = os.stat(os.path.join(d, name))
                    out[os.path.join(d, name)] = (st.st_ino, st.st_mtime_ns, st.st_size)
        return out

    def close(self):
        shutil.rmtree(self.tmp)


def unchanged(before, after):
    return all(after.get(path) == ident for path, ident in before.items())


def show(label, result):
    code, out, err = result
    print(f"--- {label}: exit {code}")
    print(out, end="")
    print(err, end="")
