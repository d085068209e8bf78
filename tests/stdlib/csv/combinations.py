# Writes and reads pseudo-random rows under many dialect combinations; every
# output (or error) must match CPython's.
import csv
import io

ALPHABET = ['a', 'b', ',', ';', '"', "'", '\\', ' ', '\n', '\r', '\t', '\u00e9', '1', '.', '-', '']


def rows(seed, count):
    x = seed
    out = []
    for _ in range(count):
        row = []
        x = (x * 1103515245 + 12345) % 2**31
        for _ in range(x % 5):
            x = (x * 1103515245 + 12345) % 2**31
            field = ''.join(ALPHABET[(x >> (4 * k)) % len(ALPHABET)] for k in range(x % 6))
            row.append(field if x % 7 else (x % 100) / 4 if x % 2 else None)
        out.append(row)
    return out


combos = []
for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE):
    for escapechar in (None, '\\'):
        for doublequote in (True, False):
            for delimiter, quotechar in ((',', '"'), (';', "'"), ('\t', '"')):
                combos.append(dict(quoting=quoting, escapechar=escapechar, doublequote=doublequote,
                                   delimiter=delimiter, quotechar=quotechar))
combos.append(dict(skipinitialspace=True))
combos.append(dict(lineterminator='\n', strict=True))

for i, kw in enumerate(combos):
    buf = io.StringIO()
    w = csv.writer(buf, **kw)
    written = 0
    for row in rows(i, 12):
        try:
            w.writerow(row)
            written += 1
        except csv.Error as e:
            print(i, 'write Error', e)
    text = buf.getvalue()
    print(i, written, repr(text))
    r = csv.reader(io.StringIO(text, newline=''), **kw)
    try:
        print(i, [row for row in r], r.line_num)
    except (csv.Error, ValueError) as e:
        print(i, 'read', type(e).__name__, e, r.line_num)
