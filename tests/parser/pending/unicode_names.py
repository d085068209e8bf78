# Needs the Unicode name table behind unicode_lookup_name() (src/modules/
# unicodedata_names.h); move to cases/ once it is in.
x = f"\N{BULLET} {a}" if False else f"\N{EM DASH}{{x}}"
d = '\N{LATIN SMALL LETTER A}\N{latin small letter b}\N{EURO SIGN}'
e = b'\N{x}'
f = rb'\N{NOT A NAME}' r'\N{NOT A NAME}'
