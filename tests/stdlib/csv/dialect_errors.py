import _csv, csv, io
cases = [
 dict(delimiter=5), dict(delimiter=''), dict(delimiter='ab'), dict(delimiter=None),
 dict(quotechar=5), dict(quotechar=''), dict(quotechar='ab'), dict(quotechar=None),
 dict(quotechar=None, quoting=0), dict(escapechar=5), dict(escapechar=''), dict(escapechar='ab'),
 dict(lineterminator=5), dict(lineterminator=None), dict(lineterminator=''),
 dict(quoting='x'), dict(quoting=7), dict(quoting=2**70), dict(quoting=True), dict(quoting=3.0),
 dict(doublequote=0), dict(strict=[1]), dict(skipinitialspace=''), dict(bogus=1),
 dict(delimiter=' '), dict(delimiter='\n'), dict(quotechar='\r'), dict(escapechar=','), dict(escapechar='"'),
]
for kw in cases:
    for f in (lambda: _csv.Dialect(**kw), lambda: _csv.reader([], **kw), lambda: _csv.writer(io.StringIO(), **kw)):
        try:
            d = f()
            d = getattr(d, 'dialect', d)
            print(kw, 'ok', d.delimiter, d.quotechar, d.escapechar, repr(d.lineterminator), d.quoting, d.doublequote, d.skipinitialspace, d.strict)
        except Exception as e:
            print(kw, type(e).__name__, e)
for args in [(), (1,2,3), ('excel',), ('nope',), (None,), (1,)]:
    try:
        print(args, _csv.Dialect(*args).delimiter)
    except Exception as e: print(args, type(e).__name__, e)
for f in [lambda: _csv.reader(), lambda: _csv.reader(1), lambda: _csv.reader([], 'excel', 3), lambda: _csv.writer(), lambda: _csv.writer(1),
          lambda: _csv.register_dialect(), lambda: _csv.register_dialect(1), lambda: _csv.register_dialect('a', 'b', 'c'),
          lambda: _csv.unregister_dialect('zz'), lambda: _csv.get_dialect(1), lambda: _csv.list_dialects(1),
          lambda: _csv.field_size_limit('a'), lambda: _csv.field_size_limit(1, 2), lambda: _csv.field_size_limit(2**70),
          lambda: _csv.writer(io.StringIO()).writerow(1), lambda: _csv.writer(io.StringIO()).writerow(), lambda: _csv.reader(['a'], 'excel', delimiter=';', foo=1),
          lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['a,b']), lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['']),
          lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow([None]),
          lambda: list(csv.reader(['a,"b'], strict=True)), lambda: list(csv.reader(['"a"b'], strict=True)), lambda: list(csv.reader(['a\nb,c'])),
          lambda: list(csv.reader([b'a'])), lambda: list(csv.reader(['a\0b'])), lambda: list(csv.reader(['1,a'], quoting=csv.QUOTE_NONNUMERIC)),
          lambda: type(_csv.reader([])), lambda: _csv.reader([]).line_num, lambda: _csv.Dialect.__mro__, lambda: _csv.Dialect().__class__,
          lambda: repr(_csv.Dialect()).split(' at')[0], lambda: _csv.writer(io.StringIO()).dialect.delimiter,
          ]:
    try:
        print(f())
    except Exception as e: print(type(e).__name__, e)
