#!/usr/bin/python3.11
"""Import time with Spindle's code cache off, cold (an empty cache: compile and
write) and warm (read), and under CPython 3.11 (its stdlib .pyc files as
installed). Prints the best wall and CPU (user + sys) time of each.

usage: import_time.py [--repeat N] [--spindle PATH] [statement ...]
Default statements: "import unittest" and a mix of larger stdlib modules.
"""
import argparse
import os
import resource
import shutil
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CPYTHON = "/usr/bin/python3.11"
DEFAULT_STATEMENTS = ["import unittest", "import argparse, typing, json, decimal, dataclasses, inspect, logging"]


def best_times(cmd, env, repeat, before_each=None):
    walls, cpus = [], []
    for _ in range(repeat):
        if before_each:
            before_each()
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    return min(walls), min(cpus)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--spindle", default=os.path.join(ROOT, "build", "spindle"))
    ap.add_argument("statements", nargs="*")
    args = ap.parse_args()
    cache = tempfile.mkdtemp(prefix="spindle-import-bench-")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "SPINDLE_NO_CODE_CACHE")}
    env["SPINDLE_CACHE_DIR"] = cache
    try:
        for stmt in args.statements or DEFAULT_STATEMENTS:
            print(stmt)
            spindle = [args.spindle, "-c", stmt]
            runs = [("spindle, cache off", spindle, dict(env, SPINDLE_NO_CODE_CACHE="1"), None),
                    ("spindle, cold cache", spindle, env, lambda: shutil.rmtree(cache, ignore_errors=True)),
                    ("spindle, warm cache", spindle, env, None),
                    ("cpython 3.11", [CPYTHON, "-c", stmt], env, None)]
            for label, cmd, run_env, before_each in runs:
                wall, cpu = best_times(cmd, run_env, args.repeat, before_each)
                print(f"  {label:22s} wall {wall:.3f} s   cpu {cpu:.3f} s")
    finally:
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
