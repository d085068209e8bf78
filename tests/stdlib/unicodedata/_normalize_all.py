# Every code point of planes 0, 1 and 14 and the CJK compatibility supplement
# (a sample of the rest of planes 2 and 3, all plain ideographs) under each
# normalization form: each character alone (between spaces, which block
# reordering and composition), then all of them run together so that
# neighbours reorder and compose.
from _ucd_digest import digest

CODE_POINTS = [*range(0xD800), *range(0xE000, 0x20000), *range(0x2F800, 0x2FA20), *range(0xE0000, 0xF0000),
               *range(0x20000, 0x40000, 61)]


def run(db):
    chars = list(map(chr, CODE_POINTS))
    separated = " ".join(chars)
    together = "".join(chars)
    print(db.unidata_version)
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        alone = db.normalize(form, separated)
        joined = db.normalize(form, together)
        print(form, len(alone), digest(alone), len(joined), digest(joined),
              db.is_normalized(form, separated), db.is_normalized(form, alone), db.is_normalized(form, joined))
