# lower/upper/swapcase/title/capitalize/casefold, including special casing.
samples = [
    "", "hello", "HELLO", "Hello World", "hELLO wORLD", "123abc", "a1b2c3", "mixed CASE Text!",
    "ß", "straße", "STRASSE", "ﬁ ligature ﬂ", "ŉ", "ǰ", "ΐ", "ᾳ", "ᾼ", "ﬀ", "İstanbul", "ı", "ǅungla", "ǆ", "Ǆ",
    "ΣΑΣ", "ΟΔΟΣ ΟΔΟΣ", "Σ", "aΣ", "aΣb", "aΣ.", "aΣ'", "a'Σ", "Σa", "A.Σ", "ΑΣ\u0345", "\u0345Σ", "ÿ", "µ", "ſ",
    "Ω", "Å", "K", "ǈ", "ǉ", "ᲀ", "Ꙋ", "ꙋ", "𐐀𐐨", "𞤀𞤢", "ǲ", "ß̂", "they're bill's friends", "hello\tworld\nfoo",
    "ÀÉÎõü", "ǅǆǄ", "ŉŉ", "ﬃ", "ﬄ", "ﬅﬆ", "ﬓ", "ẞ", "ᾈ", "ᾀ", "ῼ", "ῳ", "Ⓐⓐ", "ⅰⅱⅲ", "ⅠⅡ", "ǃ",
]
for s in samples:
    print(repr(s), repr(s.lower()), repr(s.upper()), repr(s.swapcase()), repr(s.title()),
          repr(s.capitalize()), repr(s.casefold()))

class S(str):
    pass

for name in ["lower", "upper", "swapcase", "title", "capitalize", "casefold"]:
    r = getattr(S("abc"), name)()
    print(name, type(r).__name__, r)
    try:
        getattr("a", name)(1)
    except TypeError as e:
        print(type(e).__name__, e)

# Whole-range checks, summarised.
def digest(f, ranges):
    total = 0
    count = 0
    for lo, hi, step in ranges:
        for cp in range(lo, hi, step):
            r = f(chr(cp))
            if r != chr(cp):
                count += 1
                for ch in r:
                    total = (total * 31 + ord(ch) + cp) % 1000000007
    return count, total

ranges = [(0, 0x3000, 1), (0xA000, 0x10000, 1), (0x10000, 0x20000, 3), (0x1E900, 0x1E960, 1)]
for name in ["lower", "upper", "title", "casefold", "swapcase", "capitalize"]:
    print(name, digest(getattr(str, name), ranges))
