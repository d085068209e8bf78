# Bit-exact agreement on pseudo-random arguments (no random module needed).
import math
state = 987654321
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return (state >> 11) / 2**53

def arg(scale):
    return (rnd() * 2 - 1) * scale

out = []
for i in range(300):
    x = arg(10 ** (rnd() * 6 - 3))
    for fn in (math.gamma, math.lgamma):
        try:
            out.append(fn(x))
        except (ValueError, OverflowError) as e:
            out.append(str(e))
    out.append(math.gamma(abs(x) * 30 + 0.5) if abs(x) < 5 else 0)
    pts = [arg(10 ** (rnd() * 40 - 20)) for _ in range(int(rnd() * 6) + 1)]
    out.append(math.hypot(*pts))
    out.append(math.dist(pts, [arg(1) for _ in pts]))
    out.append(math.fsum(pts + [arg(1e20), -pts[0], 1e-30]))
    out.append(math.hypot(arg(1e-310), arg(1e-310)))
    out.append(math.hypot(arg(1e307), arg(1e307), arg(1e307)))
    out.append(math.log(abs(x) + 1e-300, 3))
    out.append(math.log2(int(abs(x) * 10**30) + 1))
    out.append(math.log10(int(abs(x) * 10**400) + 1))
for k in range(0, len(out), 8):
    print(out[k:k + 8])
