import csv
import io

rows = [
    ['a', 'b', 'c'],
    ['with,comma', 'with "quote"', 'with\nnewline'],
    ['', None, 3, 4.5, True],
    [' leading', 'trailing ', '\r\n'],
    [''],
    [],
    ['x'],
]
for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
    buf = io.StringIO()
    w = csv.writer(buf, quoting=quoting)
    for r in rows:
        w.writerow(r)
    text = buf.getvalue()
    print(repr(text))
    back = list(csv.reader(io.StringIO(text, newline=''), quoting=quoting if quoting != csv.QUOTE_NONNUMERIC else csv.QUOTE_MINIMAL))
    print(back)

buf = io.StringIO()
w = csv.writer(buf, delimiter=';', quotechar="'", lineterminator='\n', escapechar='\\', doublequote=False)
w.writerows([["it's", 'a;b', 'back\\slash'], [1, 2]])
print(repr(buf.getvalue()))
print(list(csv.reader(io.StringIO(buf.getvalue()), delimiter=';', quotechar="'", escapechar='\\', doublequote=False)))

buf = io.StringIO()
w = csv.writer(buf, quoting=csv.QUOTE_NONE, escapechar='\\')
w.writerow(['a,b', 'c"d', 'e\\f'])
print(repr(buf.getvalue()))
print(list(csv.reader(io.StringIO(buf.getvalue()), quoting=csv.QUOTE_NONE, escapechar='\\')))

# DictReader / DictWriter
buf = io.StringIO()
dw = csv.DictWriter(buf, fieldnames=['name', 'age'])
dw.writeheader()
dw.writerow({'name': 'Ann', 'age': 30})
dw.writerows([{'name': 'Bob, Jr.', 'age': 4}, {'name': 'Cy'}])
print(repr(buf.getvalue()))
buf.seek(0)
for row in csv.DictReader(buf):
    print(row)
r = csv.reader(['a,b', 'c,d'])
print(next(r), r.line_num, next(r), r.line_num)
print(list(csv.reader(['1,"2",x'], quoting=csv.QUOTE_NONNUMERIC)) if False else None)
print(list(csv.reader(['1,"2",3.5'], quoting=csv.QUOTE_NONNUMERIC)))
