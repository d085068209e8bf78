import unicodedata

from _normalize_all import run

run(unicodedata)
