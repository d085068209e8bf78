# Pseudo-random doubles formatted with every presentation type and a range of
# precisions, and with %-formatting: the digits must match CPython's exactly.
seed = 987654321
def rand(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 11) % n

values = []
for i in range(300):
    mantissa = rand(2**53) | 1
    exponent = rand(140) - 110
    x = float(mantissa) * 2.0 ** exponent
    values.append(-x if rand(2) else x)
values += [0.5, 1.5, 2.5, 0.125, 0.375, 1e23, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 9.5, 0.05,
           0.15, 0.25, 0.35, 1234.5, 999999.5, 9999999999999998.0, 0.1 + 0.2]
total = 0
count = 0
for x in values:
    for t in "eEfFgG%":
        for p in (0, 1, 2, 3, 5, 8, 12, 17, 20):
            for s in (format(x, "." + str(p) + t), format(x, "#." + str(p) + t)):
                total = (total * 131 + sum(map(ord, s)) + len(s)) % 1000000007
                count += 1
    for s in (format(x, ""), format(x, ".3"), format(x, ".12"), format(x, "#.5"), format(x, ",.2f"), format(x, "_"),
              "%r" % x, "%s" % x, "%.3e" % x, "%#g" % x, "%-12.4f|" % x, "%+.0f" % x, str(x), repr(x), f"{x:.1%}"):
        total = (total * 131 + sum(map(ord, s)) + len(s)) % 1000000007
        count += 1
print(count, total)
for x in values[-18:]:
    print(repr(x), format(x, ".0f"), format(x, ".1f"), format(x, ".2e"), format(x, "g"), format(x, ".15g"), "%.17g" % x)
