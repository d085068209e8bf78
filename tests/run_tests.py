#!/usr/bin/python3.11
"""Differential test runner: every test program runs under CPython 3.11 (the
reference, /usr/bin/python3.11) and under Spindle; stdout and the exit status
must be identical. Expected output is always CPython's, produced at test time.
A test whose first lines contain "# check: stderr" must also match stderr
(tracebacks, warnings).

usage: run_tests.py [-j N] [--spindle PATH] [--timeout S] [-v] [paths or name filters...]
"""
import argparse
import concurrent.futures
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CPYTHON = "/usr/bin/python3.11"
DEFAULT_DIRS = ["tests/lang", "tests/stdlib", "tests/threads"]


def collect(args):
    files = []
    roots = [os.path.abspath(p) for p in args.paths if os.path.exists(p)] or [os.path.join(ROOT, d) for d in DEFAULT_DIRS]
    filters = [p for p in args.paths if not os.path.exists(p)]
    for root in roots:
        if os.path.isfile(root):
            files.append(os.path.abspath(root))
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(("_", ".")))
            for f in sorted(filenames):
                if f.endswith(".py") and not f.startswith("_"):
                    files.append(os.path.abspath(os.path.join(dirpath, f)))
    if filters:
        files = [f for f in files if any(flt in f for flt in filters)]
    return files


def run(cmd, path, timeout, stdin_data):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PYTHONPATH", None)
    start = time.monotonic()
    try:
        p = subprocess.run(cmd + [path], cwd=os.path.dirname(path), input=stdin_data, capture_output=True,
                           timeout=timeout, env=env)
        return p.returncode, p.stdout, p.stderr, time.monotonic() - start
    except subprocess.TimeoutExpired as e:
        return "timeout", e.stdout or b"", e.stderr or b"", time.monotonic() - start


def check(path, args):
    stdin_path = path[:-3] + ".stdin"
    stdin_data = open(stdin_path, "rb").read() if os.path.exists(stdin_path) else b""
    exp_code, exp_out, exp_err, _ = run([CPYTHON, "-X", "utf8"], path, args.timeout * 4, stdin_data)
    got_code, got_out, got_err, elapsed = run([args.spindle], path, args.timeout, stdin_data)
    with open(path, encoding="utf-8", errors="replace") as f:
        check_stderr = any("# check: stderr" in line for line in f.readlines()[:5])
    ok = exp_code == got_code and exp_out == got_out and (not check_stderr or exp_err == got_err)
    report = ""
    if not ok:
        lines = []
        if exp_code != got_code:
            lines.append(f"  exit status: expected {exp_code}, got {got_code}")
        if exp_out != got_out:
            diff = difflib.unified_diff(exp_out.decode("utf-8", "replace").splitlines(),
                                        got_out.decode("utf-8", "replace").splitlines(),
                                        "cpython", "spindle", lineterm="", n=1)
            lines.extend("  " + l for l in list(diff)[:args.diff_lines])
        if check_stderr and exp_err != got_err:
            diff = difflib.unified_diff(exp_err.decode("utf-8", "replace").splitlines(),
                                        got_err.decode("utf-8", "replace").splitlines(),
                                        "cpython stderr", "spindle stderr", lineterm="", n=1)
            lines.extend("  " + l for l in list(diff)[:args.diff_lines])
        tail = got_err.decode("utf-8", "replace").strip().splitlines()[-6:]
        if tail and not check_stderr:
            lines.append("  spindle stderr:")
            lines.extend("    " + l for l in tail)
        report = "\n".join(lines)
    return path, ok, report, elapsed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--spindle", default=os.path.join(ROOT, "build", "spindle"))
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--diff-lines", type=int, default=20)
    ap.add_argument("-v", action="store_true", help="list passing tests too")
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    files = collect(args)
    # Spindle's code cache (compiled imports) goes to a directory of this run, not ~/.cache.
    cache_dir = tempfile.mkdtemp(prefix="spindle-test-cache-")
    os.environ["SPINDLE_CACHE_DIR"] = cache_dir
    try:
        return run_all(files, args)
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)


def run_all(files, args):
    passed = failed = 0
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as pool:
        for path, ok, report, elapsed in pool.map(lambda f: check(f, args), files):
            rel = os.path.relpath(path, ROOT)
            if ok:
                passed += 1
                if args.v:
                    print(f"PASS {rel} ({elapsed:.2f}s)")
            else:
                failed += 1
                failures.append(rel)
                print(f"FAIL {rel}\n{report}", flush=True)
    if failures:
        print("\nfailed:", " ".join(failures))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
