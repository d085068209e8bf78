# int operators: signs of // and %, shifts, bitwise on negatives, pow, true division.
def show(f):
    try:
        r = f()
        print(type(r).__name__, r)
    except Exception as e:
        print(type(e).__name__, e)

vals = [0, 1, -1, 7, -7, 3, -3, 2**49 - 1, -2**49, 2**49, 2**63, -2**63, 2**64 + 5, -(2**100) - 3, 10**30 + 7]
for a in vals:
    for b in vals:
        row = [a + b, a - b, a * b, a & b, a | b, a ^ b]
        if b:
            row += [a // b, a % b, divmod(a, b)]
        print(a, b, row)
for a in [7, -7, 2**70 + 1, -(2**70) - 1, 0, 1, -1]:
    for s in [0, 1, 3, 49, 50, 63, 64, 65, 100]:
        print(a, s, a << s, a >> s)
    print(~a, -a, +a, abs(a))
print(-1 >> 1000, 1 >> 1000, 5 >> 2**70, -5 >> 2**70, 0 << 2**70)
show(lambda: 1 << -1)
show(lambda: 1 >> -1)
show(lambda: 1 << 2**70)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: divmod(1, 0))
show(lambda: 1 / 0)
show(lambda: 2**100 // 0)
show(lambda: 2**100 / 0)
# true division: correctly rounded
print(1 / 3, 2 / 3, -7 / 2, 7 / -2, 10**30 / 7, (2**53 + 1) / 1, (2**53 + 3) / 2)
print(10**400 // 10**399, 10**400 / 10**399, (2**1024 - 1) / 2**1000)
print((3 * 2**1023) // 2**1000 / 2**23)
show(lambda: 10**400 / 3)
show(lambda: 2**1024 / 1)
print(1 / 10**400, -1 / 10**400, 2**-1074 if False else 1 / 2**1074, 1 / 2**1075, 3 / 2**1076)
print(12345678901234567890123 / 98765432109876543210)
print((2**60 + 1) / 3, -(2**60 + 1) / 3)
# pow
print(2**10, 2**-1, (-2)**-3, 0**0, (-3)**3, 10**-2, 2**0, 3**40, (-5)**41)
show(lambda: 0**-1)
show(lambda: 0**-2**70)
print(pow(3, 4, 5), pow(-3, 4, 5), pow(3, 4, -5), pow(-3, 3, -5), pow(3, -1, 7), pow(-3, -1, 7),
      pow(3, -2, -7), pow(2, 10**20, 10**9 + 7), pow(5, 0, 1), pow(5, 0, -1), pow(0, 0, 7))
show(lambda: pow(2, -1, 4))
show(lambda: pow(2, 3, 0))
show(lambda: pow(2, 3.0, 5))
show(lambda: pow(2, 3, 5.0))
show(lambda: pow(2.0, 3, 5))
show(lambda: pow(2, -1, 1))
print(2 ** 0.5, (-8) ** (1/3), 4 ** 0.5)
print(pow(2, 100), pow(-2, 101), (2**64) ** 2, 7 ** 2 ** 3)
# mixed with float
print(1 + 2.5, 3 * 1.5, 7 // 2.0, 7 % -2.0, 2**60 + 0.5, 10**20 * 1.0)
show(lambda: 10**400 + 1.0)
show(lambda: 10**400 * 0.5)
# comparisons int vs float, exact
print(2**53 + 1 == float(2**53 + 1), 2**53 + 1 > float(2**53), 2**53 + 1 > 2.0**53, 10**400 > 1e308,
      10**400 < float("inf"), -10**400 > float("-inf"), 1 == 1.0, 1 < 1.5, 2 > 1.5, -1 < -0.5,
      float("nan") == 0, 0 != float("nan"), 2**63 == 2.0**63, 2**63 - 1 < 2.0**63, 9007199254740993 == 9007199254740992.0,
      0.5 < 1, 1.5 > 1, -(2**70) < -1e21, 2**70 == 2.0**70)
print(sorted([3, 1.5, -2, 2**60, 2.5e18, -1e30, 10**31]))
print(True + True, True * 10, -True, ~True, ~False, True / 2, True // 1, True ** 2, True << 3)
print(3 .__add__(1.0), (3).__radd__(4), (3).__truediv__(2), (3).__rtruediv__(2), (3).__rpow__(2), (5).__rsub__(10))
print((3).__add__("x"), (3).__lt__(1.5), (3).__eq__(3.0), (2).__pow__(3, 5), (2).__rpow__(3, 5) if False else "")
