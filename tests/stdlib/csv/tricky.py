import csv
import io

def read(lines, **kw):
    try:
        return list(csv.reader(lines, **kw))
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)

print(read(['a,"b""c",d']))
print(read(['"multi\n', 'line",x\n', 'next\n']))
print(read(['a, b,  c'], skipinitialspace=True))
print(read(['a, "b", c'], skipinitialspace=True))
print(read(['a,"b"c,d']))
print(read(['a,"b"c,d'], strict=True))
print(read(['"unterminated']))
print(read(['"unterminated'], strict=True))
print(read(['a,b\r\n', '\r\n', 'c\n']))
print(read(['a\rb']))
print(read(['a\\,b,c'], escapechar='\\'))
print(read(['"a\\"b",c'], escapechar='\\'))
print(read(['a\\\n', 'b'], escapechar='\\'))
print(read(['x\x00y,z']))
print(read(['1,abc'], quoting=csv.QUOTE_NONNUMERIC))
print(read([b'bytes']))
print(read(['a|b|"c|d"'], delimiter='|'))
print(read(['"a"b'], quoting=csv.QUOTE_NONE))
print(read(['', 'a']))
print(read(['a,b,'], dialect='excel-tab'))
print(read(['a\tb'], dialect='excel-tab'))
print(read(['a,"b"'], dialect=csv.unix_dialect))

old = csv.field_size_limit(5)
print(old, read(['123456']), read(['12345']))
csv.field_size_limit(old)
try:
    csv.field_size_limit('x')
except TypeError as e:
    print("TypeError", e)

print(sorted(csv.list_dialects()))
csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL)
d = csv.get_dialect('pipes')
print(d.delimiter, d.quotechar, d.quoting, d.doublequote, d.escapechar, repr(d.lineterminator), d.skipinitialspace, d.strict)
buf = io.StringIO()
csv.writer(buf, 'pipes').writerow(['a', 1])
print(repr(buf.getvalue()))
csv.unregister_dialect('pipes')
for f, a in ((csv.get_dialect, ('pipes',)), (csv.unregister_dialect, ('pipes',)), (csv.register_dialect, (1,))):
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e)

for kw in ({'delimiter': ''}, {'delimiter': 'ab'}, {'delimiter': 1}, {'quotechar': None},
           {'quoting': 9}, {'quoting': 'x'}, {'lineterminator': 5}, {'escapechar': 'ab'},
           {'quotechar': None, 'quoting': csv.QUOTE_MINIMAL}, {'bogus': 1}, {'lineterminator': None}):
    try:
        d = csv.reader([], **kw).dialect
        print(kw, 'ok', d.quoting, d.quotechar)
    except Exception as e:
        print(kw, type(e).__name__, e)

class Bad(csv.Dialect):
    delimiter = ','
try:
    Bad()
except csv.Error as e:
    print("Error", e)

class Semi(csv.excel):
    delimiter = ';'
print(read(['a;b'], dialect=Semi))
buf = io.StringIO()
w = csv.writer(buf, quoting=csv.QUOTE_NONE)
for row in (['a,b'], ['']):
    try:
        w.writerow(row)
    except csv.Error as e:
        print("Error", e)
try:
    w.writerow(5)
except csv.Error as e:
    print("Error", e)
try:
    csv.writer(5)
except TypeError as e:
    print("TypeError", e)
print(repr(buf.getvalue()))
print(csv.Sniffer().sniff('a;b;c\n1;2;3\n').delimiter)
print(csv.Sniffer().has_header('name,age\nann,3\nbob,4\n'))
print(csv.Dialect, csv.Error, csv.__version__, csv.QUOTE_NONE)
buf = io.StringIO()
csv.writer(buf, lineterminator='\n').writerow(['a\rb', 'c\nd'])
print(repr(buf.getvalue()))
