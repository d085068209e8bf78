# Names and numeric values of every code point (see _ucd_digest.SAMPLED) in
# both database versions, as digests; and lookup() finds every name again.
import unicodedata

from _ucd_digest import SAMPLED, digest

CHARS = list(map(chr, SAMPLED))
NONE = [None] * len(CHARS)

for db in (unicodedata, unicodedata.ucd_3_2_0):
    print(db.unidata_version)
    names = list(map(db.name, CHARS, NONE))
    named = [n for n in names if n is not None]
    print("names", len(named), digest("\n".join(map(str, names))))
    found = list(map(db.lookup, named))
    print("lookup", found == [c for c, n in zip(CHARS, names) if n is not None])
    lowered = list(map(db.lookup, [n.lower() for n in named[::7] if not n.startswith(("HANGUL SYLLABLE", "CJK UNIFIED"))]))
    print("lookup lower case", len(lowered))
    for fn in (db.decimal, db.digit, db.numeric):
        values = list(map(fn, CHARS, NONE))
        print(fn.__name__, len(values) - values.count(None), digest(",".join(map(repr, values))))
