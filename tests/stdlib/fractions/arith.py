from fractions import Fraction as F
import math

a, b = F(3, 4), F(-5, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), -a, abs(b), a ** 2, a ** -2, F(4, 9) ** F(1, 2))
print(F("1.25"), F("-3/7"), F(0.5), F(1.1), F(2.5).limit_denominator(1), F(math.pi).limit_denominator(1000))
print(a < b, a == F(6, 8), a == 0.75, hash(F(1, 2)) == hash(0.5), float(a), int(b), round(F(7, 2)), round(F(5, 2)))
print(round(F(1234, 100), 1), math.floor(b), math.ceil(b), a.numerator, a.denominator, repr(a), str(F(4)))
print(sum(F(1, n) for n in range(1, 10)), F(1, 3) + 1, 1 - F(1, 3), F(1, 3) * 1.5, F(10).as_integer_ratio())
print(format(F(1, 3), ""), F(7, 3).__floor__(), F(-7, 3).__trunc__())
for bad in (lambda: F(1, 0), lambda: F("x"), lambda: F(1.5, 2)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
