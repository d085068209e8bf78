# encodings.idna's label functions (nameprep, ToASCII, ToUnicode) and
# stringprep, the users of unicodedata.ucd_3_2_0.
import stringprep
import sys

try:
    import re  # noqa: F401
except ImportError:
    # Where re is not available yet: encodings.idna compiles one pattern when
    # imported and uses it only to split domains into labels, which the label
    # functions tested here do not do.
    class NoRe:
        @staticmethod
        def compile(pattern):
            return None

    sys.modules["re"] = NoRe
from encodings import idna

for label in ["b\u00fccher", "M\u00fcnchen", "\u4f8b\u3048", "\u30c6\u30b9\u30c8", "xn--bcher-kva", "Stra\u00dfe",
              "\u0645\u062b\u0627\u0644", "\ufb01le", "\u2163", "\uff21\uff22\uff23", "cafe\u0301", "\u1100\u1161\u11a8",
              "a\u0221b", "\u0600x", "a\u200bb", "\u0627a\u0628", "a" * 64, "a\ue000", "\u00ad\u180b", "\u0340",
              "\u2f868", "\U0002f868", "\u03f9", "A\u030a\u212b"]:
    try:
        prepared = idna.nameprep(label)
        encoded = idna.ToASCII(label)
        print(ascii(label), ascii(prepared), encoded, ascii(idna.ToUnicode(encoded)))
    except UnicodeError as e:
        print(ascii(label), type(e).__name__, e)

tables = [name for name in dir(stringprep) if name.startswith(("in_table", "map_table"))]
for cp in [0x20, 0x41, 0xa0, 0xad, 0xc5, 0xdf, 0x221, 0x340, 0x3f9, 0x600, 0x6dd, 0x1806, 0x200b, 0x2028, 0x2126,
           0x2ff0, 0xe000, 0xfeff, 0xfff9, 0xfffd, 0x1d400, 0xe0001, 0xf0000, 0x10fffd]:
    c = chr(cp)
    print(hex(cp), [name for name in tables if name.startswith("in_table") and getattr(stringprep, name)(c)],
          ascii(stringprep.map_table_b2(c)), ascii(stringprep.map_table_b3(c)))
