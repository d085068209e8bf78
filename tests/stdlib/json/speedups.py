import _json
import json

print(_json.encode_basestring_ascii('a"\\\n\x00\u00e9\u20ac\U0001f600\x7f'), _json.encode_basestring('a"\\\n\x00\u00e9\U0001f600\x7f'))
for f in (_json.encode_basestring_ascii, _json.encode_basestring):
    for arg in (b'x', 1, None):
        try:
            f(arg)
        except TypeError as e:
            print('TypeError', e)
    try:
        f()
    except TypeError as e:
        print('TypeError', e)

print(_json.scanstring('"abc"', 1), _json.scanstring('x"a\\nb"y', 2), _json.scanstring('"\\u00e9"', 1, False), _json.scanstring('""', 1))
print(_json.scanstring('"a\tb"', 1, False), _json.scanstring('"a\tb"', 1, 0), _json.scanstring('abc"', 0))
for args in [('"abc', 1), ('"a\tb"', 1), ('"a\tb"', 1, True), ('"', 5), ('"', -1), (b'"x"', 1), ('"x"',), ('"x"', 1, 1, 1),
             ('"x"', 'a'), ('"x"', 2**70), ('"\\q"', 1), ('"abc"', 3.0)]:
    try:
        print(_json.scanstring(*args))
    except Exception as e:
        print(type(e).__name__, e)

enc = _json.make_encoder(None, lambda o: 'dflt', _json.encode_basestring_ascii, None, ': ', ', ', False, False, True)
print(enc([1, 'x', {'a': None}, object()], 0), type(enc).__name__)
enc = _json.make_encoder({}, str, lambda s: '<' + s + '>', 4, ':', ',', True, True, False)
print(enc({'b': 1, 'a': [True], 'c': 2.5}, 0))
try:
    print(enc({'b': 1, (1,): 3}, 0))
except TypeError as e:
    print('TypeError', e)
enc = _json.make_encoder({}, str, _json.encode_basestring, None, ':', ',', False, True, False)
print(enc({'b': 1, (1,): 3, 'c': 1.5, 2: 3}, 0))
try:
    print(enc([float('nan')], 0))
except ValueError as e:
    print('ValueError', e)
print(len(enc.markers), enc.indent, enc.key_separator, enc.item_separator, enc.sort_keys, enc.skipkeys)
enc = _json.make_encoder(None, str, lambda s: 5, None, ':', ',', False, False, True)
try:
    enc(['x'], 0)
except TypeError as e:
    print('TypeError', e)
for args in [(1, str, str, None, ':', ',', 0, 0, 0), ([], str, str, None, ':', ',', 0, 0, 0), (None, str, str, None, 1, ',', 0, 0, 0),
             (None, str, str, None, ':', ',', 0, 0), (None, str, str, None, ':', b',', 0, 0, 0)]:
    try:
        _json.make_encoder(*args)
        print('ok')
    except TypeError as e:
        print('TypeError', e)


class Ctx:
    strict = 1
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = str
    memo = {}


scan = _json.make_scanner(Ctx())
print(scan('{"a": [1, 2.5, NaN]}', 0), scan(' "x"', 1), type(scan).__name__, scan.strict, scan.parse_constant)
for args in [('[', 0), ('', 0), (b'1', 0), ('1', -1), ('1', 'a'), ('1',)]:
    try:
        print(scan(*args))
    except StopIteration as e:
        print('StopIteration', e.value)
    except Exception as e:
        print(type(e).__name__, e)
try:
    _json.make_scanner(object())
except AttributeError as e:
    print('AttributeError', e)
