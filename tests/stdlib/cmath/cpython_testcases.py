# Runs every case of CPython's own cmath_testcases.txt and prints each result,
# so the output must agree with CPython's bit for bit (including the cases
# that raise).
import cmath

PATH = "/usr/lib/python3.11/test/cmath_testcases.txt"
results = []
with open(PATH) as f:
    for line in f:
        if line.startswith("--") or not line.strip():
            continue
        lhs, rhs = line.split("->")
        ident, fn, re, im = lhs.split()
        z = complex(float(re), float(im))
        try:
            if fn == "polar":
                r = cmath.polar(z)
            elif fn == "rect":
                r = cmath.rect(z.real, z.imag)
            else:
                r = getattr(cmath, fn)(z)
            results.append(ident + " " + repr(r))
        except (ValueError, OverflowError) as e:
            results.append(ident + " " + type(e).__name__)
for k in range(0, len(results), 6):
    print(" | ".join(results[k:k + 6]))
