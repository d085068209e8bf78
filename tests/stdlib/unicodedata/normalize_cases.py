# Normalization of constructed cases (in the spirit of NormalizationTest.txt):
# Hangul, canonical reordering, blocked and unblocked compositions, singletons,
# exclusions, compatibility mappings, and the Unicode 3.2.0 corrections.
import unicodedata

FORMS = ("NFC", "NFD", "NFKC", "NFKD")
CASES = [
    "",
    "abc",
    "\u00e9", "e\u0301", "\u00c5", "A\u030a", "\u212b", "\u2126", "\u1e9b\u0323",
    # canonical reordering: marks of different classes, in either order
    "a\u0301\u0316", "a\u0316\u0301", "a\u0323\u0302", "a\u0302\u0323", "q\u0307\u0323", "\u1e0b\u0323",
    "a\u0308\u0301\u0327\u0316\u05b0\u0301",
    # blocked compositions: a mark of the same class in between
    "a\u0301\u0301", "a\u0328\u0301", "a\u0301\u0328", "e\u0304\u0301", "e\u0301\u0304",
    # starting with combining marks
    "\u0301", "\u0301a", "\u0316\u0301\u0323", "\u0344", "\u0f73", "\u0f75", "\u0f81",
    # exclusions and non-starter decompositions
    "\u0958", "\u0915\u093c", "\u2adc", "\ufb1d", "\ufb2c", "\u05e9\u05bc\u05c1", "\u0340", "\u0343",
    # compositions whose second character is a starter
    "\u0b47\u0b3e", "\u0b47\u0b57", "\u0b47\u0300\u0b3e", "\u0dd9\u0dcf\u0dca", "\u1b05\u1b35", "\u0cc6\u0cc2\u0cd5",
    "\u1025\u102e", "\U00011099\U000110ba", "\U00011131\U00011127", "\U00011347\U0001133e", "\U000114b9\U000114ba",
    # Hangul
    "\uac00", "\uac01", "\ud7a3", "\u1100\u1161", "\u1100\u1161\u11a8", "\uac00\u11a8", "\uac01\u11a8",
    "\u1100\u1161\u11a7", "\u1100\u1161\u11c3", "\u1100\u1176", "\u1113\u1161", "\u1100\u0301\u1161",
    "\u1100\u1161\u0301\u11a8", "\u1161\u11a8", "\u11a8", "\u3131\u314f", "\ud4db\u11ae", "\u1112\u1175\u11c2",
    # compatibility mappings
    "\ufb01", "\ufdfa", "\u00bd", "\u2075", "\uff21\uff22", "\u3392", "\u2460", "\u00a0", "\u00a8", "\u1e9b",
    "\u01c4", "\u0132", "\u2166", "\ufe8e", "\U0001d400", "\U0001f100", "\u3300", "\u33ff", "\u1e9b\u0323",
    # Unicode 3.2.0 corrections and characters unassigned in 3.2.0
    "\U0002f868", "\U0002f874", "\U0002f91f", "\U0002f95f", "\U0002f9bf", "\ufa2e", "\u1b06", "\u0221",
    "\u03f9", "a\u0350\u0301", "a\u0301\u0350",
]

for s in CASES:
    results = []
    for db in (unicodedata, unicodedata.ucd_3_2_0):
        for form in FORMS:
            n = db.normalize(form, s)
            results.append(ascii(n) if n != s else "=")
            results.append("T" if db.is_normalized(form, s) else "F")
    print(ascii(s), " ".join(results))


# Random strings over characters that interact: letters, marks of several
# classes, Hangul jamo and syllables, singletons, compatibility characters.
POOL = ("aeiouAEIOUn \u0300\u0301\u0302\u0308\u0316\u0323\u0327\u0328\u0345\u05b0\u0340\u0344\u0b3e\u0b47"
        "\u1100\u1101\u1161\u1162\u11a8\u11a9\u1113\u1176\uac00\uac01\u212b\u2126\u00c5\u00e9\u1e9b\ufb01\u00bd"
        "\u0958\u093c\u0915\u3099\u304b\u30cf\u309a\u0f71\u0f72\u0f80\u0f74\u00a8\u1fbf\u1fc1\u0313\u0345\u03b1")
state = 12345


def rand(n):
    global state
    state = (state * 1103515245 + 12345) % 2**31
    return state % n


P = (1 << 61) - 1
for db in (unicodedata, unicodedata.ucd_3_2_0):
    for form in FORMS:
        total = 0
        normalized = 0
        for _ in range(400):
            s = "".join(POOL[rand(len(POOL))] for _ in range(1 + rand(8)))
            n = db.normalize(form, s)
            assert db.normalize(form, n) == n, (form, ascii(s))
            normalized += db.is_normalized(form, s)
            total = (total * 1000003 + int.from_bytes(n.encode("utf-8"), "big")) % P
        print(db.unidata_version, form, total, normalized)

class S(str):
    pass

print(type(unicodedata.normalize("NFC", S("abc"))).__name__, unicodedata.normalize("NFD", S("\u00e9")) == "e\u0301")
