def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)
for v in [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4503599627370497.0, 1e300, -0.0, 2.675, 0.125, 3.7, -3.7]:
    print(repr(v), round(v), type(round(v)).__name__, round(v, 0), round(v, 1), round(v, 2), round(v, -1), round(v, -2),
          round(v, 5), round(v, 400), round(v, -400), round(v, None))
for v, n in [(2.675, 2), (1.005, 2), (0.125, 2), (0.375, 2), (1234.5678, -2), (5e-324, 323), (5e-324, 324),
             (0.5, 0), (1.5, 0), (2.5, 0),
             (15.0, -1), (25.0, -1), (35.0, -1), (123.456, 1), (-123.456, 1), (1e22, -21), (1e15 + 0.5, 0),
             (0.1 + 0.2, 15), (0.1 + 0.2, 16), (0.1 + 0.2, 17), (12345678.9, -7), (5.5e-5, 5), (2.5e-7, 7)]:
    print(repr(v), n, repr(round(v, n)))
show(lambda: round(float("nan")))
show(lambda: round(float("inf")))
show(lambda: round(float("-inf")))
show(lambda: round(float("nan"), 2))
show(lambda: round(float("inf"), -2))
show(lambda: round(1.5, 1.0))
show(lambda: round(1.5, 2**100))
show(lambda: round(1.5, -2**100))
show(lambda: round(1e308, -308))
show(lambda: round(9.5e307, -308))
show(lambda: round(1e300))
show(lambda: round(1.5, "1"))
show(lambda: round("1.5"))
show(lambda: round(1.2, ndigits=None))
show(lambda: round(number=2.5))
show(lambda: round(1.7976931348623157e308, -308))
show(lambda: round(1.7976931348623157e308, -307))
