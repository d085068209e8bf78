# Bit-exact agreement of the cmath functions on pseudo-random arguments.
import cmath
state = 424242
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return (state >> 11) / 2**53

def arg():
    scale = 10 ** (rnd() * 12 - 6) if rnd() < 0.9 else 10 ** (rnd() * 600 - 300)
    return (rnd() * 2 - 1) * scale

names = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh",
         "acosh", "atanh"]
for i in range(150):
    z = complex(arg(), arg())
    row = []
    for n in names:
        try:
            row.append(getattr(cmath, n)(z))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__)
    row.append(cmath.polar(z))
    row.append(cmath.phase(z))
    row.append(cmath.rect(abs(z.real), z.imag))
    row.append(z ** complex(arg() / 1e3, arg() / 1e3) if abs(z) < 1e100 else 0)
    row.append(z ** 7)
    row.append(z / complex(arg(), arg()))
    print(repr(z), row)
