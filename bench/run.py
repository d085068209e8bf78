#!/usr/bin/python3.11
"""Times each program in bench/programs under CPython 3.11 and Spindle.

For every benchmark the two interpreters run alternately, --repeat times each,
and the best time of each is kept. Spindle's stdout must equal CPython's on
every run; a benchmark that crashes, times out or prints something else is
reported as FAIL and left out of the geometric mean.

    /usr/bin/python3.11 bench/run.py [--spindle PATH] [--repeat N] [--cpu] [NAME ...]

NAME filters select benchmarks whose file name contains any of them.
The ratio is CPython time / Spindle time: above 1 means Spindle is faster.
"""

import argparse
import math
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
PROGRAMS_DIR = BENCH_DIR / "programs"
CPYTHON = "/usr/bin/python3.11"


class Run:
    def __init__(self, returncode, stdout, stderr, wall, cpu, timed_out):
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.wall = wall
        self.cpu = cpu
        self.timed_out = timed_out

    def failure(self):
        """Why this run failed, or None."""
        if self.timed_out:
            return "timed out"
        if self.returncode != 0:
            last = self.stderr.strip().splitlines()[-1:] or [""]
            if self.returncode < 0:
                return "killed by signal %d %s" % (-self.returncode, last[0])
            return "exit status %d: %s" % (self.returncode, last[0])
        return None


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_program(interpreter, program, timeout):
    cpu_before = children_cpu_seconds()
    start = time.perf_counter()
    try:
        proc = subprocess.run([interpreter, str(program)], capture_output=True, timeout=timeout,
                              cwd=str(PROGRAMS_DIR))
    except subprocess.TimeoutExpired as e:
        return Run(None, e.stdout or b"", e.stderr or b"", time.perf_counter() - start, 0.0, True)
    wall = time.perf_counter() - start
    cpu = children_cpu_seconds() - cpu_before
    return Run(proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace"), wall, cpu, False)


class Result:
    def __init__(self, name):
        self.name = name
        self.cpython = None   # best seconds
        self.spindle = None
        self.problem = None   # why the benchmark is not counted

    @property
    def ratio(self):
        return self.cpython / self.spindle


def measure(program, spindle, repeat, timeout, use_cpu):
    result = Result(program.stem)
    expected = None
    cpython_times = []
    spindle_times = []
    for _ in range(repeat):
        reference = run_program(CPYTHON, program, timeout)
        why = reference.failure()
        if why:
            result.problem = "CPython: " + why
            return result
        if expected is not None and reference.stdout != expected:
            result.problem = "CPython output differs between runs"
            return result
        expected = reference.stdout
        cpython_times.append(reference.cpu if use_cpu else reference.wall)

        candidate = run_program(spindle, program, timeout)
        why = candidate.failure()
        if why:
            result.problem = why
            return result
        if candidate.stdout != expected:
            result.problem = "output differs: expected %r, got %r" % (
                expected.decode("utf-8", "replace")[:200], candidate.stdout.decode("utf-8", "replace")[:200])
            return result
        spindle_times.append(candidate.cpu if use_cpu else candidate.wall)
    result.cpython = min(cpython_times)
    result.spindle = min(spindle_times)
    return result


def select_programs(filters):
    programs = sorted(PROGRAMS_DIR.glob("*.py"))
    if filters:
        programs = [p for p in programs if any(f in p.stem for f in filters)]
    return programs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="run only benchmarks whose name contains one of these")
    parser.add_argument("--spindle", default=str(REPO_ROOT / "build" / "spindle"), help="the Spindle executable")
    parser.add_argument("--repeat", type=int, default=3, help="runs per interpreter; the best is kept")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a run counts as failed")
    parser.add_argument("--cpu", action="store_true",
                        help="compare process CPU time (user+sys) instead of wall time; steadier on a busy "
                             "machine, but hides the gain from running threads in parallel")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    spindle = os.path.abspath(args.spindle)
    if not os.access(spindle, os.X_OK):
        parser.error("no Spindle executable at %s (build it first, or pass --spindle)" % spindle)
    programs = select_programs(args.names)
    if not programs:
        parser.error("no benchmark matches %s" % " ".join(args.names))

    kind = "CPU" if args.cpu else "wall"
    header = "%-16s %12s %12s %8s" % ("benchmark", "CPython s", "Spindle s", "ratio")
    print("%s time, best of %d; ratio = CPython / Spindle (> 1: Spindle faster)" % (kind, args.repeat))
    print(header)
    print("-" * len(header))
    results = []
    for program in programs:
        result = measure(program, spindle, args.repeat, args.timeout, args.cpu)
        results.append(result)
        if result.problem:
            print("%-16s %12s %12s %8s" % (result.name, "-", "-", "FAIL"))
        else:
            print("%-16s %12.3f %12.3f %8.2f" % (result.name, result.cpython, result.spindle, result.ratio))
        sys.stdout.flush()

    counted = [r for r in results if not r.problem]
    print("-" * len(header))
    if counted:
        geomean = math.exp(sum(math.log(r.ratio) for r in counted) / len(counted))
        print("%-16s %12s %12s %8.2f   (%d of %d benchmarks)" % ("geometric mean", "", "", geomean,
                                                                  len(counted), len(results)))
    else:
        print("%-16s %12s %12s %8s   (no benchmark passed)" % ("geometric mean", "", "", "-"))
    failed = [r for r in results if r.problem]
    for r in failed:
        print("FAIL %s: %s" % (r.name, r.problem))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
