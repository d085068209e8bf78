# The is* predicates.
preds = ["isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric",
         "isprintable", "isspace", "istitle", "isupper"]
samples = ["", "a", "A", "1", "a1", "abc", "ABC", "Abc", "aBC", "Hello World", "Hello world", "HELLO WORLD",
           " ", "\t\n", "\x1c\x1d\x1e\x1f", "\x85", "\xa0", "\u2028", "\u3000", "٣", "²", "½", "Ⅻ", "一二三",
           "_", "_a1", "1a", "a-b", "αβγ", "Ωmega", "ǅ", "ǅa", "Aǅ", "ǅA", "\u0345", "ª", "º", "ʰ", "Ⓐ", "ⓐ",
           "\x00", "\x7f", "\xad", "é", "\u200b", "\U0001F600", "𝟘𝟙", "𝐀𝐁", "ℌ", "ℍ", "ℎ", "Ǆ", "ǆ",
           "a b", "A B", "They're", "They'Re", "123 Abc", "ﬁ", "ᾈ", "ᾀ", "ᾼ", "\u0300", "a\u0300", "℮", "𝔘𝔫𝔦",
           "def", "class", "None", "λx", "x²", "x₂", "℘", "℮x", "·", "x·", "\u1885", "\u2118a"]
for s in samples:
    print(repr(s), [int(getattr(s, p)()) for p in preds])

class S(str):
    pass
print(S("abc").isalpha(), S("").isalpha(), S("1").isdigit())
for p in preds:
    try:
        getattr("a", p)(1)
    except TypeError as e:
        print(type(e).__name__, e)

def digest(pred, ranges):
    total = 0
    count = 0
    for lo, hi, step in ranges:
        for cp in range(lo, hi, step):
            if pred(chr(cp)):
                count += 1
                total = (total * 7 + cp) % 1000000007
    return count, total

ranges = [(0, 0x3400, 1), (0xA000, 0x10000, 1), (0x10000, 0x30000, 5), (0xE0000, 0xE0100, 1)]
for p in preds:
    print(p, digest(getattr(str, p), ranges))
print("xid", digest(lambda c: ("a" + c).isidentifier(), [(0, 0x3000, 1), (0x10000, 0x20000, 7)]))
print("splitlines", digest(lambda c: len(("a" + c + "b").splitlines()) == 2, [(0, 0x10000, 1)]))
print("split", digest(lambda c: len(("a" + c + "b").split()) == 2, [(0, 0x10000, 1)]))
