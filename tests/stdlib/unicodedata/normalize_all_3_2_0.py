import unicodedata

from _normalize_all import run

run(unicodedata.ucd_3_2_0)
