# The format-spec mini-language for str and complex.
def show(v, spec):
    try:
        print(repr(v), repr(spec), repr(format(v, spec)))
    except Exception as e:
        print(repr(v), repr(spec), type(e).__name__, e)

for v in ["", "a", "abc", "héllo", "😀x", "\u1234\u1235"]:
    for spec in ["", "s", "5", "<5", ">5", "^5", "^6", "*<7", "é>6", "😀^7", "05", "0>5", "0<5", "0^6", ".0", ".2", ".2s",
                 "5.1", ">10.3", "=5", "+", "-", " ", " 5", "#", "z", ",", "_", ",s", "d", "x", "r", "xx", "\u1234",
                 ".", "99999999999999999999", "\x00<4", "\x00^6"]:
        show(v, spec)

class S(str):
    pass
print(format(S("ab"), ""), type(format(S("ab"), "")).__name__, format(S("ab"), ">4"), type(format(S("ab"), ">4")).__name__)
try:
    format(S("ab"), "d")
except ValueError as e:
    print(e)

values = [0j, -0j, 1j, -1j, 1 + 2j, 1.5 - 2.5j, complex(-0.0, 0.0), -(0j), 1e20 + 1j,
          1e4 + 2j, complex(1, float("inf")), complex(float("nan"), float("nan")), complex(-1.5, 0), 3 + 0j,
          complex(1e-10, -1e-10), 123456.789 + 0.001j]
for v in values:
    for spec in ["", "g", ".2", ".1", ".3", ".2f", "+.2f", "e", "E", "F", "f", "n", "20", ">20", "<20", "^20", "*^20",
                 "#", "#g", "#.0f", "+", " ", "-", ",", "_.2f", "z", "z.1f", "%", "s", "d", "=5", "05", "0>5", ".0e", "10.3"]:
        show(v, spec)
