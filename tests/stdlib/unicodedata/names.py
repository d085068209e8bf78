# name() and lookup(): table names, algorithmic names (Hangul syllables, CJK
# unified ideographs), aliases, named sequences, case rules, Unicode 3.2.0,
# and the "\N{...}" escapes and namereplace handler built on the same table.
import codecs
import unicodedata

OLD = unicodedata.ucd_3_2_0

for c in ["a", " ", "-", "\x00", "\x7f", "\xad", "\u0f60", "\u0fd1", "\u0f0a", "\u1180", "\uac00", "\ud7a3",
          "\uc544", "\u3400", "\u4dbf", "\u9fff", "\ua000", "\uf900", "\ufa6d", "\ufeff", "\ufffd", "\U00017000",
          "\U00018b00", "\U0001b170", "\U0001f600", "\U0002a6df", "\U0002a6e0", "\U0002b739", "\U0002f800",
          "\U00030000", "\U0003134a", "\U000e0001", "\U000e0100", "\U000f0000", "\U0010ffff", "\ud800"]:
    print(ascii(c), unicodedata.name(c, None), OLD.name(c, None))

NAMES = [
    "LATIN SMALL LETTER A", "latin small letter a", "Latin Small Letter A", "LATIN SMALL LETTER A ", "LATIN  SMALL",
    "SPACE", "HYPHEN-MINUS", "hyphen-minus", "TIBETAN MARK BKA- SHOG GI MGO RGYAN", "TIBETAN LETTER -A",
    "HANGUL JUNGSEONG O-E", "HANGUL SYLLABLE GA", "HANGUL SYLLABLE GAG", "HANGUL SYLLABLE A", "HANGUL SYLLABLE HIH",
    "HANGUL SYLLABLE ", "HANGUL SYLLABLE GGGA", "HANGUL SYLLABLE GAGX", "hangul syllable ga", "Hangul Syllable GA",
    "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-04E00", "CJK UNIFIED IDEOGRAPH-4e00",
    "cjk unified ideograph-4E00", "CJK UNIFIED IDEOGRAPH-4E0", "CJK UNIFIED IDEOGRAPH-2B739",
    "CJK UNIFIED IDEOGRAPH-30000", "CJK UNIFIED IDEOGRAPH-2A6DF", "CJK UNIFIED IDEOGRAPH-",
    "CJK COMPATIBILITY IDEOGRAPH-F900", "cjk compatibility ideograph-2f800", "CJK COMPATIBILITY IDEOGRAPH-F8FF",
    "TANGUT IDEOGRAPH-17000", "KHITAN SMALL SCRIPT CHARACTER-18B00", "NUSHU CHARACTER-1B170",
    "VARIATION SELECTOR-17", "VARIATION SELECTOR-256", "LATIN SMALL LETTER D WITH CURL", "GRINNING FACE",
    # aliases
    "NULL", "NUL", "LINE FEED", "LF", "BYTE ORDER MARK", "BOM", "zwnbsp", "END OF LINE",
    "LATIN CAPITAL LETTER GHA", "TIBETAN MARK BKA- SHOG GI MGO RGYAN", "VS1", "VS256",
    # named sequences
    "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", "KEYCAP NUMBER SIGN", "keycap digit zero",
    "TAMIL SYLLABLE KSSAU", "BENGALI LETTER KHINYA",
    # not names
    "", "no such", "LATIN SMALL LETTER \u00c9", "LATIN SMALL LETTER A\x00", "LATIN SMALL LETTER \u0131",
    "x" * 256, "x" * 257,
]
for n in NAMES:
    results = []
    for db in (unicodedata, OLD):
        try:
            results.append(ascii(db.lookup(n)))
        except KeyError as e:
            results.append("KeyError " + ascii(e.args[0])[:60])
    print(ascii(n)[:50], *results)

print(ascii(unicodedata.lookup(b"LATIN SMALL LETTER B")), ascii(OLD.lookup(b"space")))
for bad in [bytearray(b"NULL"), 1, None, "\udc80"]:
    try:
        unicodedata.lookup(bad)
    except (TypeError, UnicodeError) as e:
        print(type(e).__name__, e)

# Round trips over the first names of some blocks.
for start in [0x20, 0x100, 0x370, 0x600, 0x900, 0x1100, 0x2000, 0x2f00, 0x3040, 0xa000, 0xfb00, 0x10000,
              0x1d400, 0x1f300]:
    chars = [chr(cp) for cp in range(start, start + 64) if unicodedata.name(chr(cp), None)]
    print(hex(start), len(chars), all(unicodedata.lookup(unicodedata.name(c)) == c for c in chars),
          all(unicodedata.lookup(unicodedata.name(c).lower()) == c for c in chars))

# "\N{...}" knows aliases but not named sequences.
print(ascii("\N{LATIN SMALL LETTER A}\N{latin small letter b}\N{NULL}\N{BOM}\N{HANGUL SYLLABLE GAG}"
            "\N{CJK UNIFIED IDEOGRAPH-4E00}\N{CJK COMPATIBILITY IDEOGRAPH-F900}\N{GRINNING FACE}"))
for src in [r'"\N{KEYCAP NUMBER SIGN}"', r'"\N{NO SUCH NAME}"', r'"\N{hangul syllable ga}"']:
    try:
        print(ascii(eval(src)))
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
print(b"\\N{EURO SIGN}\\N{LF}\\N{zwnbsp}".decode("unicode_escape") == "\u20ac\n\ufeff")
print("a\xe9\u20ac\uac00\u4e00\U0001f600\U000e0100\U000f0000\U000f01d5\U000f0200\U000f03cd\u0378b".encode("ascii", "namereplace"))
print(codecs.namereplace_errors(UnicodeEncodeError("ascii", "\uac01\u3400", 0, 2, "x")))
