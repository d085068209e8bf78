# encodings.idna and stringprep, the users of unicodedata.ucd_3_2_0.
import stringprep

for domain in ["b\u00fccher.example", "M\u00fcnchen.DE", "\u4f8b\u3048.\u30c6\u30b9\u30c8", "xn--bcher-kva.example",
               "\u0645\u062b\u0627\u0644.\u0625\u062e\u062a\u0628\u0627\u0631", "Stra\u00dfe.de", "\ufb01le.com",
               "\u2163.example", "\uff21\uff22\uff23.com", "caf\u0065\u0301.fr", "\u1100\u1161\u11a8.kr"]:
    try:
        encoded = domain.encode("idna")
        print(ascii(domain), encoded, ascii(encoded.decode("idna")))
    except UnicodeError as e:
        print(ascii(domain), type(e).__name__, e)

for bad in ["a\u0221b.com", "\u0600x.com", "a\u200bb.com", "\u0627a\u0628.com", "a" * 64 + ".com", "a\ue000.com"]:
    try:
        print(ascii(bad), bad.encode("idna"))
    except UnicodeError as e:
        print(ascii(bad), type(e).__name__, e)

tables = [name for name in dir(stringprep) if name.startswith(("in_table", "map_table"))]
for cp in [0x20, 0x41, 0xa0, 0xad, 0xc5, 0xdf, 0x221, 0x340, 0x3f9, 0x600, 0x6dd, 0x1806, 0x200b, 0x2028, 0x2126,
           0x2ff0, 0xe000, 0xfeff, 0xfff9, 0xfffd, 0x1d400, 0xe0001, 0xf0000, 0x10fffd]:
    c = chr(cp)
    print(hex(cp), [name for name in tables if name.startswith("in_table") and getattr(stringprep, name)(c)],
          ascii(stringprep.map_table_b2(c)), ascii(stringprep.map_table_b3(c)))
