import decimal
from decimal import Decimal as D, getcontext, localcontext, ROUND_HALF_UP

print(D("1.1") + D("2.2"), D(1) / D(7), D("10.5") // 3, D("10.5") % 3, D(2).sqrt(), D("1.23e5"), -D("0.0"))
print(D("3.14159").quantize(D("0.01")), D("2.675").quantize(D("0.01"), rounding=ROUND_HALF_UP), D(0.1))
print(D("1e100") * D("1e100"), D("123.456").as_tuple(), D("-0").is_signed(), D("NaN").is_nan(), D("Infinity") > 0)
getcontext().prec = 10
print(D(1) / D(3), D(2) ** D("0.5"), D(10).ln(), D(100).log10(), D(1).exp())
with localcontext() as ctx:
    ctx.prec = 5
    print(D(1) / D(3), ctx.prec)
print(D(1) / D(3), getcontext().prec)
print(sum(D("0.1") for _ in range(10)), D("1.50").normalize(), D(7).compare(D(8)), int(D("7.9")), float(D("2.5")))
print(round(D("2.5")), round(D("3.14159"), 2), D("5").max(D("7")), D(3).fma(2, 1), str(D("1E+2")), D("12").to_eng_string())
try:
    D(1) / D(0)
except decimal.DivisionByZero as e:
    print("DivisionByZero", type(e).__mro__[1].__name__)
try:
    D("abc")
except decimal.InvalidOperation as e:
    print("InvalidOperation")
print(decimal.Decimal.__module__, hash(D("1.5")) == hash(1.5))
