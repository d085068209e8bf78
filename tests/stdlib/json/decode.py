import json
import json.decoder
import json.scanner
from collections import OrderedDict
from decimal import Decimal

print(json.scanner.make_scanner is json.scanner.c_make_scanner, json.decoder.scanstring is json.decoder.c_scanstring)
docs = [
    '{"a": [1, 2.5, -3, 1e5, 1E-2, -0.0, 0, 10.25e+3], "b": {"c": null, "d": true, "e": false}}',
    '  [ ]  ', '{}', '{ }', '[[[]]]', '"\\u00e9\\ud83d\\ude00 \\n\\t\\"\\\\\\/\\b\\f\\r"', '"\\ud800"', '"\\udc00\\ud800x"',
    '"\\ud83dx"', '"\\ud83d\\u0041"', '12345678901234567890123', '-0', '1.0', '3.141592653589793', '1e400', '-1e400',
    '[NaN, Infinity, -Infinity]', '{"k": "v", "k": "w"}', '"\u20ac\U0001f600 plain"', ' \t\n\r7 \n', '[1,\n 2 ,3 ]',
    '{"x":{"y":{"z":[{"w":1}]}}}', '"' + 'a' * 1000 + '"', '[' + ','.join(str(i) for i in range(200)) + ']',
    '1.5E+3', '0.000001', '123.456e-7', '"\\u0000"', '[true,false,null]', '-12', '[-1.5e-3]',
]
for doc in docs:
    v = json.loads(doc)
    print(repr(v), type(v).__name__)

print(json.loads('{"a": 1, "b": [2]}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": {"c": 2}}', object_pairs_hook=OrderedDict))
print(json.loads('{"a": 1, "b": {"c": 2}}', object_pairs_hook=lambda p: p, object_hook=dict))
print(json.loads('[1.10, 2, 3.0e0]', parse_float=Decimal, parse_int=lambda s: 'int:' + s))
print(json.loads('[NaN, -Infinity, Infinity]', parse_constant=lambda s: 'const:' + s))
print(json.loads('{"a": "x\ny"}', strict=False))
print(json.loads(b'[1, "\xc3\xa9"]'), json.loads(bytearray(b'{"a": 2}')), json.loads('\ufeff[1]'.encode('utf-8')))
d = json.JSONDecoder()
print(d.raw_decode('[1, 2] tail'), d.raw_decode('"abc" 5'), d.raw_decode('  {"a": 1}  ', 2))
print(d.scan_once('{"a": [1, 2]}', 0), d.scan_once('  7', 2))
try:
    d.scan_once('[1]', 3)
except StopIteration as e:
    print('StopIteration', e.value)
for i in (4, 99):
    try:
        print(d.scan_once('[1]', i))
    except StopIteration as e:
        print('StopIteration', e.value)
try:
    d.scan_once('[1]', -1)
except ValueError as e:
    print('ValueError', e)

keys = json.loads('[{"same": 1}, {"same": 2}]')
print(list(keys[0])[0] is list(keys[1])[0])


class Hooked(json.JSONDecoder):
    pass


print(Hooked(object_hook=lambda d: len(d)).decode('[{"a": 1, "b": 2}, {}]'))
print(json.loads('1' * 4300) % 1000)
try:
    json.loads('1' * 4301)
except ValueError as e:
    print('ValueError', e)
nested = '[' * 50 + ']' * 50
print(len(str(json.loads(nested))))
