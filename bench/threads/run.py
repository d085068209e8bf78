#!/usr/bin/python3.11
"""Thread scaling of Spindle next to CPython 3.11, workload by workload.

Each workload in bench/threads/workloads runs under bench/threads/harness.py:
its per-thread work once on 1 thread (T1), then on N threads at once (TN).
scaling = N * T1 / TN, so N means perfect scaling and 1 means none (CPython's
GIL). Interpreters run alternately, --repeat times each; the best T1 and the
best TN of each are kept. Both must print the same checksum.

    /usr/bin/python3.11 bench/threads/run.py [--spindle PATH] [--threads N] [--repeat R]
                                             [--wait-idle SECONDS] [--markdown] [--update FILE] [NAME ...]

NAME filters select workloads whose name contains any of them. --markdown
prints the table as Markdown; --update FILE replaces the table between the
<!-- thread-scaling-table --> lines of FILE (docs/PERFORMANCE.md) with it.
Before the workloads, N independent CPython processes run a CPU loop at once:
their scaling is the most that the machine allows at the time (on a busy
machine it is well below N, and so is every workload's).
"""

import argparse
import math
import os
import subprocess
import sys
import time
from pathlib import Path

THREADS_DIR = Path(__file__).resolve().parent
REPO_ROOT = THREADS_DIR.parent.parent
HARNESS = THREADS_DIR / "harness.py"
WORKLOADS_DIR = THREADS_DIR / "workloads"
TABLE_MARKER = "<!-- thread-scaling-table -->"


class Timing:
    """Best times of one interpreter on one workload."""

    def __init__(self):
        self.t1 = None
        self.tn = None
        self.work_ratio = None
        self.checksum = None

    def add(self, fields):
        t1, tn = float(fields["t1"]), float(fields["tn"])
        self.t1 = t1 if self.t1 is None else min(self.t1, t1)
        self.tn = tn if self.tn is None else min(self.tn, tn)
        self.work_ratio = float(fields["work_ratio"])
        self.checksum = fields["checksum"]

    @property
    def scaling(self):
        return self.work_ratio * self.t1 / self.tn


def cpu_ticks():
    """(idle, total) CPU ticks of the whole machine so far, from /proc/stat."""
    fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return fields[3] + fields[4], sum(fields)


def wait_for_idle_cpus(max_wait):
    """Waits up to max_wait seconds for a half second in which the machine's CPUs were at least 75% idle."""
    deadline = time.monotonic() + max_wait
    while time.monotonic() < deadline:
        idle_before, total_before = cpu_ticks()
        time.sleep(0.5)
        idle_after, total_after = cpu_ticks()
        if total_after > total_before and (idle_after - idle_before) >= 0.75 * (total_after - total_before):
            return


def run_harness(interpreter, workload, nthreads, timeout, wait_idle):
    """The harness's fields for one run, or a string saying why it failed."""
    wait_for_idle_cpus(wait_idle)
    try:
        proc = subprocess.run([interpreter, str(HARNESS), workload, str(nthreads)], capture_output=True,
                              text=True, timeout=timeout, cwd=str(THREADS_DIR))
    except subprocess.TimeoutExpired:
        return "timed out after %g s" % timeout
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or [""])[-1]
        return "exit status %d: %s" % (proc.returncode, last)
    fields = dict(line.split(" ", 1) for line in proc.stdout.splitlines() if " " in line)
    if not {"checksum", "t1", "tn", "work_ratio"} <= fields.keys():
        return "unexpected output: %r" % proc.stdout[:200]
    return fields


def measure(workload, interpreters, nthreads, repeat, timeout, wait_idle):
    """{interpreter: Timing} for one workload, or a string saying what went wrong."""
    timings = {interpreter: Timing() for interpreter in interpreters}
    for _ in range(repeat):
        for interpreter in interpreters:
            fields = run_harness(interpreter, workload, nthreads, timeout, wait_idle)
            if isinstance(fields, str):
                return "%s: %s" % (interpreter, fields)
            timings[interpreter].add(fields)
    checksums = {timing.checksum for timing in timings.values()}
    if len(checksums) != 1:
        return "checksums differ: " + ", ".join("%s %s" % (i, t.checksum) for i, t in timings.items())
    return timings


# A CPU loop that prints its own run time: N CPython processes running it at
# once show how much parallelism the machine offers at the moment.
SPIN = "import time\nstart = time.perf_counter()\nfor i in range(3000000): pass\nprint(time.perf_counter() - start)"


def machine_ceiling(cpython, nthreads, repeat, wait_idle):
    """N x T1 / TN for N independent processes: the best scaling any interpreter could show now."""
    def slowest_of(count):
        wait_for_idle_cpus(wait_idle)
        procs = [subprocess.Popen([cpython, "-c", SPIN], stdout=subprocess.PIPE, text=True) for _ in range(count)]
        return max(float(proc.communicate()[0]) for proc in procs)
    t1 = min(slowest_of(1) for _ in range(repeat))
    tn = min(slowest_of(nthreads) for _ in range(repeat))
    return nthreads * t1 / tn


def geometric_mean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


TEXT_HEADER = "%-20s %10s %8s %8s   %10s %8s %8s" % ("workload", "Spindle T1", "TN", "scaling",
                                                      "CPython T1", "TN", "scaling")
TEXT_RULE = "-" * len(TEXT_HEADER)


def text_row(name, result):
    if isinstance(result, str):
        return "%-20s FAIL: %s" % (name, result)
    spindle, cpython = result
    return "%-20s %10.3f %8.3f %8.2f   %10.3f %8.3f %8.2f" % (
        name, spindle.t1, spindle.tn, spindle.scaling, cpython.t1, cpython.tn, cpython.scaling)


def text_summary(rows):
    spindle, cpython = geometric_means(rows)
    return "%s\n%-20s %10s %8s %8.2f   %10s %8s %8.2f" % (TEXT_RULE, "geometric mean", "", "", spindle,
                                                          "", "", cpython)


def markdown_table(rows, nthreads, repeat, ceiling):
    lines = ["| workload | Spindle T1 s | Spindle T%d s | Spindle scaling | CPython T1 s | CPython T%d s "
             "| CPython scaling |" % (nthreads, nthreads),
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, result in rows:
        if isinstance(result, str):
            lines.append("| `%s` | FAIL: %s | | | | | |" % (name, result.replace("|", "\\|")))
            continue
        spindle, cpython = result
        lines.append("| `%s` | %.3f | %.3f | **%.2f** | %.3f | %.3f | %.2f |" % (
            name, spindle.t1, spindle.tn, spindle.scaling, cpython.t1, cpython.tn, cpython.scaling))
    lines.append("| geometric mean | | | **%.2f** | | | %.2f |" % geometric_means(rows))
    lines.append("")
    lines.append("%d threads, wall seconds, best of %d; scaling = %d × T1 / TN. In the same run, %d independent "
                 "CPython processes (no shared interpreter at all) scaled %.2f: the most this machine allowed."
                 % (nthreads, repeat, nthreads, nthreads, ceiling))
    return "\n".join(lines)


def geometric_means(rows):
    measured = [result for _, result in rows if not isinstance(result, str)]
    return (geometric_mean([spindle.scaling for spindle, _ in measured]),
            geometric_mean([cpython.scaling for _, cpython in measured]))


def replace_marked_table(path, table):
    text = Path(path).read_text()
    parts = text.split(TABLE_MARKER)
    if len(parts) != 3:
        raise SystemExit("%s needs exactly two %s lines around the table" % (path, TABLE_MARKER))
    Path(path).write_text(parts[0] + TABLE_MARKER + "\n" + table + "\n" + TABLE_MARKER + parts[2])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="run only workloads whose name contains one of these")
    parser.add_argument("--spindle", default=str(REPO_ROOT / "build" / "spindle"), help="the Spindle executable")
    parser.add_argument("--cpython", default="/usr/bin/python3.11", help="the CPython 3.11 executable")
    parser.add_argument("--threads", type=int, default=os.cpu_count(), help="N, the number of threads")
    parser.add_argument("--repeat", type=int, default=3, help="runs per interpreter; the best times are kept")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before a run counts as failed")
    parser.add_argument("--wait-idle", type=float, default=0.0, metavar="SECONDS",
                        help="before each run, wait up to this long for the machine's CPUs to be mostly idle "
                             "(on a shared machine; Linux only)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--update", metavar="FILE",
                        help="replace the Markdown table between the %s lines in FILE" % TABLE_MARKER)
    args = parser.parse_args()
    if args.repeat < 1 or args.threads < 1:
        parser.error("--repeat and --threads must be at least 1")
    spindle = os.path.abspath(args.spindle)
    if not os.access(spindle, os.X_OK):
        parser.error("no Spindle executable at %s (build it first, or pass --spindle)" % spindle)
    workloads = sorted(p.stem for p in WORKLOADS_DIR.glob("*.py"))
    if args.names:
        workloads = [w for w in workloads if any(name in w for name in args.names)]
    if not workloads:
        parser.error("no workload matches %s" % " ".join(args.names))

    # Markdown is printed whole at the end; otherwise rows appear as they are measured.
    progress = not args.markdown
    ceiling = machine_ceiling(args.cpython, args.threads, args.repeat, args.wait_idle)
    if progress:
        print("%d threads, wall seconds, best of %d; scaling = %d x T1 / TN (ideal %d)" % (
            args.threads, args.repeat, args.threads, args.threads))
        print("machine check: %d independent CPython processes scale %.2f" % (args.threads, ceiling))
        print(TEXT_HEADER)
        print(TEXT_RULE, flush=True)
    rows = []
    for workload in workloads:
        result = measure(workload, [spindle, args.cpython], args.threads, args.repeat, args.timeout, args.wait_idle)
        if not isinstance(result, str):
            result = (result[spindle], result[args.cpython])
        rows.append((workload, result))
        if progress:
            print(text_row(workload, result), flush=True)
    if progress:
        print(text_summary(rows))
    markdown = markdown_table(rows, args.threads, args.repeat, ceiling)
    if args.markdown:
        print(markdown)
    if args.update:
        replace_marked_table(args.update, markdown)
    return 1 if any(isinstance(result, str) for _, result in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
