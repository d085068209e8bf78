import _csv
import csv
import io

d = _csv.Dialect(delimiter=';')
for attr in ('delimiter', 'quoting', 'strict'):
    try:
        setattr(d, attr, 1)
    except AttributeError as e:
        print('AttributeError', type(e).__name__)


class MyDialect(_csv.Dialect):
    pass


m = MyDialect(delimiter='|')
print(type(m).__name__, m.delimiter, isinstance(m, _csv.Dialect))
print(MyDialect(d) is d, _csv.Dialect(d) is d, _csv.Dialect(d, delimiter=':').delimiter)


class Raising:
    @property
    def delimiter(self):
        raise ValueError('boom')
    quotechar = "'"


print(_csv.Dialect(Raising()).delimiter, _csv.Dialect(Raising()).quotechar)

# Line numbers across multi-line records.
r = csv.reader(['a,"b\n', 'c"\n', 'd\n'])
for row in r:
    print(row, r.line_num)

# Reader errors keep the line count; the reader can be resumed afterwards.
r = csv.reader(['ok\n', 'bad"x\n', '"q"z\n', 'end\n'], strict=True)
while True:
    try:
        row = next(r)
    except StopIteration:
        break
    except csv.Error as e:
        print('Error', e, r.line_num)
        continue
    print(row, r.line_num)

# Writer: escapechar equal to quotechar, QUOTE_NONNUMERIC, unicode.
for kw in ({'escapechar': '"'}, {'escapechar': '"', 'doublequote': False}, {'quoting': csv.QUOTE_NONNUMERIC},
           {'delimiter': '\u00e9', 'quotechar': '\u20ac'}, {'lineterminator': '!'}, {'quoting': csv.QUOTE_ALL}):
    buf = io.StringIO()
    w = csv.writer(buf, **kw)
    try:
        w.writerows([['a"b', 1, 2.5, None, '', 'x\u00e9y', 'p\u20acq', 'l!m'], [None], [''], []])
    except csv.Error as e:
        print('Error', e)
    print(kw, repr(buf.getvalue()))
    print(list(csv.reader(io.StringIO(buf.getvalue(), newline=''), **kw)))

# write's return value is writerow's.
class Counter:
    def write(self, s):
        return len(s) * 10

print(csv.writer(Counter()).writerow(['abc', 'd']))
print(csv.writer(Counter()).writerows([['abc']]))

# Non-str fields are str()ed; errors from iteration and str() propagate.
class BadStr:
    def __str__(self):
        raise RuntimeError('no str')

def gen():
    yield 'a'
    raise KeyError('gen')

for row in ([BadStr()], gen()):
    try:
        csv.writer(io.StringIO()).writerow(row)
    except Exception as e:
        print(type(e).__name__, e)

# DictReader / DictWriter details.
text = 'a,b\n1,2,3,4\n5\n\n6,7\n'
for row in csv.DictReader(io.StringIO(text), restkey='extra', restval='?'):
    print(row)
dr = csv.DictReader(io.StringIO(text))
print(dr.fieldnames, dr.line_num)
buf = io.StringIO()
dw = csv.DictWriter(buf, ['x', 'y'], restval='-', extrasaction='ignore')
dw.writerow({'x': 1, 'z': 3})
print(repr(buf.getvalue()))
try:
    csv.DictWriter(buf, ['x']).writerow({'x': 1, 'q': 2})
except ValueError as e:
    print('ValueError', e)
try:
    csv.DictWriter(buf, ['x'], extrasaction='bad')
except ValueError as e:
    print('ValueError', e)

# Sniffer.
s = csv.Sniffer()
for sample in ('a;b;c\n1;2;3\n4;5;6\n', '"x","y"\n"1","2"\n', 'a\tb\n1\t2\n', "'a'|'b'\n'c'|'d'\n"):
    dia = s.sniff(sample)
    print(repr(dia.delimiter), repr(dia.quotechar), dia.doublequote, dia.skipinitialspace)
try:
    s.sniff('abc')
except csv.Error as e:
    print('Error', e)
print(s.sniff('a;b\n1;2\n', delimiters=';').delimiter)

# field_size_limit by keyword, and negative limits.
old = csv.field_size_limit()
print(csv.field_size_limit(new_limit=3), csv.field_size_limit(-1))
try:
    list(csv.reader(['a']))
except csv.Error as e:
    print('Error', e)
print(list(csv.reader([''])), list(csv.reader(['""'])) if False else None)
csv.field_size_limit(old)
try:
    csv.field_size_limit(True)
except TypeError as e:
    print('TypeError', e)
print(csv.field_size_limit() == old)

# The registry.
csv.register_dialect('semi', csv.excel, delimiter=';')
print(csv.get_dialect('semi').delimiter, 'semi' in csv.list_dialects())
try:
    csv.register_dialect('semi', delimiter=5)
except TypeError as e:
    print('TypeError', e)
print(csv.get_dialect('semi').delimiter)
csv.unregister_dialect('semi')
print('semi' in csv.list_dialects())
try:
    csv.reader([], 'semi')
except csv.Error as e:
    print('Error', e)

r = csv.reader(['"ab"c\n', 'x\n', '"q\n'], strict=True)
for _ in range(4):
    try:
        print(next(r))
    except StopIteration:
        print('stop'); break
    except csv.Error as e:
        print('Error', e)
csv.field_size_limit(3)
r = csv.reader(['abcdef\n', 'x\n', 'yz\n'])
for _ in range(4):
    try:
        print(next(r))
    except StopIteration:
        print('stop'); break
    except csv.Error as e:
        print('Error', e)
