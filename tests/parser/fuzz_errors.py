#!/usr/bin/python3.11
"""Mutation fuzzing of syntax errors: breaks stdlib files at random places and
compares Spindle's error line with CPython 3.11's. Not part of the regular run;
it prints the mismatches it finds (each reproducible from the printed file).

Usage: fuzz_errors.py [--count N] [--seed S] [--spindle PATH] [--keep DIR]
"""
import argparse
import glob
import io
import os
import random
import subprocess
import sys
import tempfile
import tokenize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_parser_tests import reference_error, run_spindle  # noqa: E402

INSERTIONS = ["(", ")", "[", "]", "{", "}", ":", "=", ",", ".", "*", "**", "if", "else", "for", "in",
              "lambda", "'", '"', "not", "yield", "await", "1", "x", "\\", "\n", "    ", "\t", ";", "->",
              ":=", "@", "async", "def", "class", "return", "import", "from", "as", "with", "f'{", "}'"]


def mutate(source, rng):
    lines = source.split("\n")
    kind = rng.randrange(5)
    if kind == 0:  # cut the file short
        return source[:rng.randrange(len(source) + 1)]
    i = rng.randrange(len(lines))
    line = lines[i]
    col = rng.randrange(len(line) + 1)
    if kind == 1:  # insert a token
        lines[i] = line[:col] + rng.choice(INSERTIONS) + line[col:]
    elif kind == 2:  # delete a few characters
        lines[i] = line[:col] + line[col + rng.randrange(1, 4):]
    elif kind == 3:  # drop a whole line
        del lines[i]
    else:  # swap two adjacent characters
        if col + 1 < len(line):
            lines[i] = line[:col] + line[col + 1] + line[col] + line[col + 2:]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--spindle", default=os.path.join(os.path.dirname(os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))), "build", "spindle"))
    ap.add_argument("--keep", default=None)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    files = sorted(glob.glob("/usr/lib/python3.11/**/*.py", recursive=True))
    workdir = args.keep or tempfile.mkdtemp(prefix="spindle-fuzz-")
    os.makedirs(workdir, exist_ok=True)
    cases = []
    while len(cases) < args.count:
        path = rng.choice(files)
        try:
            with open(path, "rb") as f:
                raw = f.read()
            encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
            if encoding not in ("utf-8", "utf-8-sig"):
                continue
            source = raw.decode("utf-8-sig")
        except (SyntaxError, UnicodeError):
            continue
        if "\\N{" in source or len(source) > 200_000:
            continue
        mutated = mutate(source, rng)
        out = os.path.join(workdir, f"case{len(cases):05d}.py")
        with open(out, "w", encoding="utf-8") as f:
            f.write(mutated)
        ref = reference_error(out)
        if ref == "no error" or ref.startswith(("ValueError", "RecursionError", "MemoryError")):
            continue
        cases.append((out, ref, path))
    actual = {}
    for i in range(0, len(cases), 40):
        actual.update(run_spindle(args.spindle, [c[0] for c in cases[i:i + 40]]))
    bad = 0
    for out, ref, path in cases:
        got = actual.get(out)
        if got != ref:
            bad += 1
            print(f"{out} (from {path})\n    expected: {ref}\n    actual:   {got[:300]}")
    print(f"{len(cases) - bad} matched, {bad} differed")


if __name__ == "__main__":
    main()
