# Compiled-code caching of imported modules (Spindle's code cache, CPython's
# __pycache__): a module imported by one process and again by the next, which
# reads the cached code, behaves the same, with the same tracebacks (line
# numbers and caret lines). Children are this interpreter (sys.executable) with
# SPINDLE_CACHE_DIR in a temporary directory; the output never names the cache.
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


def unchanged(before, after):
    return all(after.get(path) == ident for path, ident in before.items())


def snapshot(paths):
    """Identity of every cache file: which exist, and whether they were replaced."""
    out = {}
    for d in paths:
        if os.path.isdir(d):
            for name in os.listdir(d):
                st = os.stat(os.path.join(d, name))
                out[os.path.join(d, name)] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return out


def main():
    tmp = tempfile.mkdtemp()
    cache = os.path.join(tmp, "cache")
    caches = [cache, os.path.join(tmp, "__pycache__")]
    src = os.path.join(tmp, "ccmod.py")
    with open(src, "w") as f:
        f.write(MODULE)
    with open(os.path.join(tmp, "ccmain.py"), "w") as f:
        f.write(MAIN)
    env = dict(os.environ)
    env["SPINDLE_CACHE_DIR"] = cache
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("SPINDLE_NO_CODE_CACHE", None)

    def run(*args):
        p = subprocess.run([sys.executable, *args], cwd=tmp, env=env, capture_output=True)
        return p.returncode, p.stdout.decode().replace(tmp, "<tmp>"), p.stderr.decode().replace(tmp, "<tmp>")

    def show(label, result):
        code, out, err = result
        print(f"--- {label}: exit {code}")
        print(out, end="")
        print(err, end="")

    importing = ["-c", f"import sys; sys.path.insert(0, {tmp!r}); import ccmod; ccmod.main()"]
    first = run(*importing)
    show("first import (compiles)", first)
    files = snapshot(caches)
    print("cached:", len(files) > 0)
    second = run(*importing)
    print("second import same:", second == first)
    print("cache reused:", unchanged(files, snapshot(caches)))

    # Through importlib (PathFinder and its source loader), and -m (runpy).
    via_importlib = run("-c", f"import sys, importlib; sys.path.insert(0, {tmp!r}); importlib.import_module('ccmod').main()")
    print("importlib same:", via_importlib == first, "cache reused:", unchanged(files, snapshot(caches)))
    as_main = run("-m", "ccmain")
    show("-m", as_main)
    print("-m again same:", run("-m", "ccmain") == run("-m", "ccmain"))

    # Damaged cache files are ignored and replaced: cut short, emptied, garbage.
    damages = [lambda data: data[:len(data) // 2], lambda data: data[:12], lambda data: b"",
               lambda data: bytes(255 - b for b in data)]
    files = snapshot(caches)
    for n, damage in enumerate(damages):
        for path in files:
            with open(path, "rb") as f:
                data = f.read()
            # CPython trusts a pyc whose 16-byte header is intact, so it is only cut short there.
            with open(path, "wb") as f:
                f.write(data[:8] if path.endswith(".pyc") else damage(data))
        result = run("-m", "ccmain")
        sizes = {path: ident[2] for path, ident in snapshot(caches).items()}
        print("damaged", n, "same:", result == as_main, "rewritten:", sizes == {p: ident[2] for p, ident in files.items()})

    # A changed source is compiled again: a different size, then the same size with another mtime.
    edited = MODULE.replace("return (a +", "return (a - 1 +")
    with open(src, "w") as f:
        f.write(edited)
    show("edited (new size)", run(*importing))
    st = os.stat(src)
    with open(src, "w") as f:
        f.write(edited.replace("a - 1 +", "a - 2 +"))
    os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns + 10**10))
    print("size kept:", os.stat(src).st_size == st.st_size)
    show("edited (same size)", run(*importing))
    print("again same:", run(*importing) == run(*importing))

    # -B reads caches but writes none.
    for path in snapshot(caches):
        os.unlink(path)
    print("-B exit:", run("-B", *importing)[0])
    print("-B cached:", len(snapshot(caches)) > 0)
    shutil.rmtree(tmp)


main()
