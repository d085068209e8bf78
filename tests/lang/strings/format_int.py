# The format-spec mini-language for int (and bool).
def show(v, spec):
    try:
        print(repr(v), repr(spec), repr(format(v, spec)))
    except Exception as e:
        print(repr(v), repr(spec), type(e).__name__, e)

values = [0, 1, -1, 7, -42, 255, 1234, -1234567, 10**20, -(10**25) - 7, True, False]
specs = ["", "d", "5", "<5", ">5", "^5", "=5", "*^9", "0", "05", "08", "+", "-", " ", "+5", " 5", "=+8", "x", "X", "#x",
         "#X", "o", "#o", "b", "#b", "n", ",", "_", ",d", "_d", "_x", "_b", "_o", "#_x", "010,", "012_", "09,", "08,",
         "07,", "06,", "020,", "#012_x", "#011_b", "c", "e", "E", ".2e", "f", ".3f", "F", "g", "G", "%", ".1%", "10.2f",
         ",.2f", "_g", "+.1e", "x<8", "0<8", "0>8", "0^8", "0=8", "z", "#", "#d", "#10x", "-#10x", "+#x", " #o",
         ".2", ".2d", ",x", ",b", "_n", ",n", "_c", ",c", "s", "r", "q", "xx", "5.2ff", ",_", "_,", "\x01", ",\x01",
         "\u1234", "٣", "0١٠", "\x00<5", "\u1234>6", "😀^7"]
for v in values:
    for spec in specs:
        show(v, spec)
for v in [65, 0x1F600, 0x10FFFF, 0x110000, -1, 2**70, 0]:
    for spec in ["c", ">5c", "05c", "=5c", "<3c", "+c", "#c"]:
        show(v, spec)
show(10**400, "e")
show(10**400, "f")
show(2**64, "e")
show(2**64, ".3%")
show(5, "f")
show(5, "g")
show(5, "G")
show(-5, "z")
show(123, "*^+#10_b")
show(-123, "*^+#10_b")
show(1, "99999999999999999999")
show(1, ".")
show(1, "=5s")
show(1, "c=")

class I(int):
    pass
class J(int):
    def __str__(self):
        return "J!"
    def __format__(self, spec):
        return "fmt(" + spec + ")"
class K(int):
    def __str__(self):
        return "K!"
print(format(I(5), ""), format(I(5), "x"), format(J(5), ""), format(J(5), "x"), format(K(7), ""), format(K(7), "d"),
      f"{K(7)}", f"{K(7):>4}", "{}".format(K(7)), int.__format__(K(7), ""), int.__format__(True, ""), int.__format__(True, "d"))
for bad in ["s", "x<"]:
    try:
        format(True, bad)
    except ValueError as e:
        print(type(e).__name__, e)
