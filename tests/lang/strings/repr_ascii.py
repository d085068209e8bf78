# repr() and ascii() of str: quoting and escapes across the code space.
samples = ["", "a", "'", '"', "'\"", "it's", 'say "hi"', "both ' and \"", "\\", "\t\n\r", "\x00\x07\x1b\x7f",
           "\x80\x9f\xa0\xad\xff", "é", "\u0300", "\u200b\u200e\u2028\u2029", "\u3000", "\ud800", "\udfff", "\ue000",
           "\uffff", "\U0001F600", "\U000E0001", "\U0010FFFF", "\U000F0000", "x\u0378y", "\u00a0", "\u1680"]
for s in samples:
    print(repr(s), ascii(s), repr(repr(s)), len(repr(s)))

def digest(f, ranges):
    total = 0
    for lo, hi, step in ranges:
        for cp in range(lo, hi, step):
            for ch in f(chr(cp)):
                total = (total * 131 + ord(ch)) % 1000000007
    return total

ranges = [(0, 0x3400, 1), (0xA000, 0x10000, 1), (0x10000, 0x30000, 11), (0xE0000, 0xE0200, 1), (0xF0000, 0x110000, 4099)]
print(digest(repr, ranges), digest(ascii, ranges))
class S(str):
    pass
print(repr(S("a'b")), ascii(S("é")), repr([S("x"), "y"]), str(S("q")) == "q")
