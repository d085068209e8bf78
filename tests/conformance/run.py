#!/usr/bin/python3.11
"""CPython conformance: runs each CPython 3.11 test module listed in
modules.txt under CPython (the reference) and under Spindle, each with a time
limit, and writes docs/CONFORMANCE.md with per-module counts and totals.

A test counts when CPython runs it (does not skip it). Under Spindle it is
passed, failed, an error, skipped as CPython-only (cpython_only / C API tests:
excluded from the rate, as the issue allows), skipped for another reason, or
not reached (Spindle crashed or hit the time limit first) — those last three
count against the rate.

usage: run.py [-j N] [--timeout S] [--spindle PATH] [--output FILE] [--problems FILE] [--min-rate R] [modules...]
With module names, only those run and the table goes to stdout unless --output is given.
--min-rate: a check (run_tests.sh runs a fast subset this way): exit 1 unless
every module runs to completion with at least that pass rate.
"""
import argparse
import concurrent.futures
import datetime
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CPYTHON = "/usr/bin/python3.11"
DRIVER = os.path.join(HERE, "driver.py")
# Worst first: a test's outcome is the worst of its own and its subtests'.
SEVERITY = {"error": 5, "fail": 4, "xpass": 3, "skip": 2, "xfail": 1, "ok": 0}
CPYTHON_ONLY_MARKERS = ("cpython", "_testcapi", "_testinternalcapi", "refcount", "c api")


def read_module_list():
    with open(os.path.join(HERE, "modules.txt")) as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def run_driver(interpreter, module, timeout):
    """Returns ({test id: (outcome, detail)}, status, seconds)."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    for name in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE"):  # Spindle's code cache makes reruns faster
        env.pop(name, None)
    start = time.monotonic()
    try:
        proc = subprocess.run([interpreter, DRIVER, module], capture_output=True, timeout=timeout,
                              env=env, cwd=HERE, stdin=subprocess.DEVNULL)
        out, status = proc.stdout, ("completed" if proc.returncode == 0 else f"exit {proc.returncode}")
    except subprocess.TimeoutExpired as e:
        out, status = e.stdout or b"", "timeout"
    outcomes = {}
    finished = False
    for line in out.decode("utf-8", "replace").splitlines():
        if line == "done":
            finished = True
            continue
        parts = line.split("\t")
        if len(parts) < 2 or parts[0] not in SEVERITY:
            continue
        test_id = parts[1].split(" ", 1)[0]  # a subtest's id is its test's id plus a description
        detail = parts[2] if len(parts) > 2 else ""
        old = outcomes.get(test_id)
        if old is None or SEVERITY[parts[0]] > SEVERITY[old[0]]:
            outcomes[test_id] = (parts[0], detail)
    if status == "completed" and not finished:
        status = "incomplete"
    return outcomes, status, time.monotonic() - start


def compare(module, spindle, timeout):
    reference, ref_status, _ = run_driver(CPYTHON, module, timeout * 4)
    got, status, seconds = run_driver(spindle, module, timeout)
    row = dict(module=module, status=status, seconds=seconds, total=0, passed=0, failed=0, errors=0,
               cpython_only=0, skipped=0, unreached=0, problems=[])
    if ref_status != "completed":
        row["status"] += f" (CPython: {ref_status})"
    for test_id, (ref_outcome, _) in reference.items():
        if ref_outcome == "skip":
            continue
        row["total"] += 1
        outcome, detail = got.get(test_id, ("unreached", ""))
        if outcome in ("ok", "xfail"):
            row["passed"] += 1
            continue
        if outcome == "skip" and any(m in detail.lower() for m in CPYTHON_ONLY_MARKERS):
            row["cpython_only"] += 1
            continue
        key = {"fail": "failed", "xpass": "failed", "error": "errors", "skip": "skipped", "unreached": "unreached"}[outcome]
        row[key] += 1
        row["problems"].append(f"{outcome}\t{test_id}\t{detail}")
    return row


def rate(passed, total, cpython_only):
    counted = total - cpython_only
    return 100.0 * passed / counted if counted else 100.0


def table(rows, args):
    lines = ["# CPython conformance", "",
             "CPython 3.11's own test modules (Debian's `libpython3.11-testsuite`) run under Spindle.",
             "Regenerate with `tests/conformance/run.py` (about %d minutes on 2 cores)." % max(1, round(sum(r["seconds"] for r in rows) / 60 / args.jobs)),
             "",
             "A test counts when CPython 3.11 runs it. *CPython-only* are tests Spindle skips as CPython",
             "implementation details (`cpython_only`, C API, reference counting); they are left out of the rate.",
             "*Skipped* (skipped by Spindle, run by CPython) and *not reached* (crash or time limit) count as not passed.",
             "",
             f"Generated {datetime.date.today().isoformat()} with time limit {args.timeout} s per module.",
             "",
             "| module | tests | passed | failed | errors | CPython-only | skipped | not reached | pass % | run | seconds |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|"]
    keys = ("total", "passed", "failed", "errors", "cpython_only", "skipped", "unreached")
    for r in rows:
        lines.append(f"| {r['module']} | " + " | ".join(str(r[k]) for k in keys) +
                     f" | {rate(r['passed'], r['total'], r['cpython_only']):.1f} | {r['status']} | {r['seconds']:.0f} |")
    totals = {k: sum(r[k] for r in rows) for k in keys}
    overall = rate(totals["passed"], totals["total"], totals["cpython_only"])
    lines.append("| **total** | " + " | ".join(f"**{totals[k]}**" for k in keys) + f" | **{overall:.1f}** | | |")
    return "\n".join(lines) + "\n", overall


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=600)
    parser.add_argument("--spindle", default=os.path.join(ROOT, "build", "spindle"))
    parser.add_argument("--output")
    parser.add_argument("--problems", help="write every non-passing test with its error to this file")
    parser.add_argument("--min-rate", type=float, help="exit 1 unless every module runs to completion and passes at least this %%")
    parser.add_argument("modules", nargs="*")
    args = parser.parse_args()
    modules = args.modules or read_module_list()
    output = args.output or (None if args.modules else os.path.join(ROOT, "docs", "CONFORMANCE.md"))
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(compare, m, args.spindle, args.timeout) for m in modules]
        rows = []
        for f in futures:
            row = f.result()
            rows.append(row)
            print(f"{row['module']}: {row['passed']}/{row['total'] - row['cpython_only']} passed, {row['status']}, "
                  f"{row['seconds']:.0f} s", flush=True)
    text, overall = table(rows, args)
    if output:
        with open(output, "w") as f:
            f.write(text)
    else:
        print(text)
    if args.problems:
        with open(args.problems, "w") as f:
            for r in rows:
                f.write("".join(p + "\n" for p in r["problems"]))
    print(f"overall pass rate {overall:.1f}%")
    if args.min_rate is not None:
        bad = [r["module"] for r in rows if r["status"] != "completed"
               or rate(r["passed"], r["total"], r["cpython_only"]) < args.min_rate]
        for module in bad:
            print(f"FAIL {module}: below {args.min_rate}% or did not complete")
        # As run_tests.sh counts suites: one line, modules as the unit.
        print(f"{len(rows) - len(bad)} passed, {len(bad)} failed")
        sys.exit(1 if bad else 0)


main()
