# Runs every case of CPython's own math_testcases.txt and prints each result,
# so the output must agree with CPython's bit for bit.
import math

PATH = "/usr/lib/python3.11/test/math_testcases.txt"
results = []
with open(PATH) as f:
    for line in f:
        if line.startswith("--") or not line.strip():
            continue
        lhs, rhs = line.split("->")
        ident, fn, arg = lhs.split()
        try:
            results.append(ident + " " + repr(getattr(math, fn)(float(arg))))
        except (ValueError, OverflowError) as e:
            results.append(ident + " " + type(e).__name__)
for k in range(0, len(results), 6):
    print(" | ".join(results[k:k + 6]))
