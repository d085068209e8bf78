#!/usr/bin/python3.11
"""Differential tests of Spindle's parser against CPython 3.11's.

1. Every file in tests/parser/cases/*.py and every .py file under
   /usr/lib/python3.11 (those CPython itself parses) must give the same
   ast.dump(..., include_attributes=True) from `spindle --dump-ast`.
2. Every snippet in tests/parser/errors/*.py must fail with the same error
   line: "<Type>: <msg> (<lineno>:<offset>-<end_lineno>:<end_offset>)".
A file named NAME.eval.py, NAME.single.py or NAME.func_type.py is parsed in
that mode instead of "exec"; NAME.typecomments.py with type_comments=True.

Usage: run_parser_tests.py [--spindle PATH] [--no-stdlib] [-v] [FILTER]
Prints "N passed, N failed" and exits non-zero on any failure.
"""
import argparse
import ast
import concurrent.futures
import glob
import io
import os
import subprocess
import sys
import tokenize
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
STDLIB = "/usr/lib/python3.11"
BATCH = 40


def mode_of(path):
    for mode in ("eval", "single", "func_type"):
        if path.endswith(f".{mode}.py"):
            return mode
    return "exec"


def type_comments(path):
    return path.endswith(".typecomments.py")


def reference_dump(path):
    """CPython's dump of the file, or None if CPython does not parse it."""
    with open(path, "rb") as f:
        source = f.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.dump(ast.parse(source, mode=mode_of(path), type_comments=type_comments(path)),
                            include_attributes=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError, UnicodeError, LookupError):
        return None


def reference_error(path):
    """CPython's error line for a file, with character offsets as when running it."""
    with open(path, "rb") as f:
        source = f.read()
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(source).readline)
        text = source.decode(encoding)
        if text.startswith("\ufeff"):
            text = text[1:]
    except (SyntaxError, UnicodeError, LookupError) as e:
        return f"SyntaxError: {e}"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            flags = ast.PyCF_ONLY_AST | (ast.PyCF_TYPE_COMMENTS if type_comments(path) else 0)
            compile(text, path, mode_of(path), flags)
    except SyntaxError as e:
        return f"{type(e).__name__}: {e.msg} ({e.lineno}:{e.offset}-{e.end_lineno}:{e.end_offset})"
    except (ValueError, RecursionError, MemoryError) as e:
        return f"{type(e).__name__}: {e}"
    return "no error"


def run_spindle(spindle, paths):
    """{path: output} from one spindle process (all paths of one mode)."""
    options = ["--type-comments"] if type_comments(paths[0]) else []
    proc = subprocess.run([spindle, "--dump-ast", f"--mode={mode_of(paths[0])}", *options, *paths],
                          capture_output=True, timeout=600)
    out = proc.stdout.decode("utf-8", "replace")
    results = {}
    if len(paths) == 1:
        results[paths[0]] = out.rstrip("\n") or f"<crash: exit {proc.returncode}: {proc.stderr.decode()[-300:]}>"
        return results
    current = None
    lines = []
    for line in out.split("\n"):
        if line.startswith("### ") and line[4:] in paths:
            if current is not None:
                results[current] = "\n".join(lines).rstrip("\n")
            current, lines = line[4:], []
        else:
            lines.append(line)
    if current is not None:
        results[current] = "\n".join(lines).rstrip("\n")
    for p in paths:
        results.setdefault(p, f"<crash: exit {proc.returncode}: {proc.stderr.decode()[-300:]}>")
    return results


def first_difference(expected, actual, context=80):
    i = 0
    n = min(len(expected), len(actual))
    while i < n and expected[i] == actual[i]:
        i += 1
    start = max(0, i - context)
    return (f"    at char {i}:\n"
            f"    expected: ...{expected[start:i + context]}\n"
            f"    actual:   ...{actual[start:i + context]}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--spindle", default=os.path.join(ROOT, "build", "spindle"))
    ap.add_argument("--no-stdlib", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("filter", nargs="?", default="")
    args = ap.parse_args()

    dump_files = sorted(glob.glob(os.path.join(HERE, "cases", "*.py")))
    if not args.no_stdlib:
        dump_files += sorted(glob.glob(os.path.join(STDLIB, "**", "*.py"), recursive=True))
    error_files = sorted(glob.glob(os.path.join(HERE, "errors", "*.py")))
    dump_files = [f for f in dump_files if args.filter in f]
    error_files = [f for f in error_files if args.filter in f]

    batches = []
    for mode in ("exec", "eval", "single", "func_type"):
        for tc in (False, True):
            files = [f for f in dump_files + error_files if mode_of(f) == mode and type_comments(f) == tc]
            batches += [files[i:i + BATCH] for i in range(0, len(files), BATCH)]
    actual = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(run_spindle, args.spindle, b) for b in batches]
        expected_dumps = {}
        skipped = 0
        for f in dump_files:
            ref = reference_dump(f)
            if ref is None:
                skipped += 1
            else:
                expected_dumps[f] = ref
        expected_errors = {f: reference_error(f) for f in error_files}
        for fut in futures:
            actual.update(fut.result())

    passed = failed = 0
    failures = []
    for f, ref in expected_dumps.items():
        got = actual.get(f, "<missing>")
        if got == ref:
            passed += 1
        else:
            failed += 1
            failures.append(f"FAIL (dump) {f}\n" + (first_difference(ref, got) if not got.startswith(("SyntaxError", "IndentationError", "TabError", "<"))
                                                    else f"    spindle: {got}"))
    for f, ref in expected_errors.items():
        got = actual.get(f, "<missing>")
        if got == ref:
            passed += 1
        else:
            failed += 1
            failures.append(f"FAIL (error) {f}\n    expected: {ref}\n    actual:   {got[:300]}")
    for msg in failures:
        print(msg)
    print(f"{passed} passed, {failed} failed ({skipped} stdlib files CPython rejects were skipped)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
