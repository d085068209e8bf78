# Shared by the exhaustive tests: which code points they cover and how results
# are condensed into a number that any difference changes.
P = (1 << 61) - 1

# Every code point of the planes with assigned characters (0-3 and 14), and a
# sample of the unassigned and private-use planes.
SAMPLED = [*range(0x40000), *range(0xE0000, 0xF0000), *range(0x40000, 0xE0000, 251), *range(0xF0000, 0x110000, 251)]


def digest(text):
    return int.from_bytes(text.encode("utf-8", "surrogatepass"), "big") % P
