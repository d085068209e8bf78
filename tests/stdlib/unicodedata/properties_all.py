# The properties of every code point (see _ucd_digest.SAMPLED) in both
# database versions, as digests: any difference changes them.
import unicodedata

from _ucd_digest import SAMPLED, digest

CHARS = list(map(chr, SAMPLED))

for db in (unicodedata, unicodedata.ucd_3_2_0):
    print(db.unidata_version)
    category = list(map(db.category, CHARS))
    fenced = "," + ",,".join(category) + ","
    print("category", digest(",".join(category)), [(c, fenced.count("," + c + ",")) for c in sorted(set(category))])
    print("bidirectional", digest(",".join(map(db.bidirectional, CHARS))))
    print("east_asian_width", digest(",".join(map(db.east_asian_width, CHARS))))
    combining = bytes(map(db.combining, CHARS))
    print("combining", digest(combining.decode("latin-1")), sorted(set(combining)))
    mirrored = bytes(map(db.mirrored, CHARS))
    print("mirrored", digest(mirrored.decode("latin-1")), sum(mirrored))
    decomposition = list(map(db.decomposition, CHARS))
    print("decomposition", digest("\n".join(decomposition)), sum(map(bool, decomposition)))
