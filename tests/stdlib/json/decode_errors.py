import json

bad = [
    '', ' ', '[', '[1', '[1,', '[1,]', '[,1]', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '{1:2}', "{'a':1}",
    '{"a" 1}', '[1 2]', '{"a":1 "b":2}', '"abc', '"abc\\', '"\\x"', '"\\u12"', '"\\u12g4"', '"\\uXYZW"', '"\\ud800\\u12"',
    '"\\ud800\\uzzzz"', '"a\nb"', '"\x1f"', 'nul', 'tru', 'fals', 'NaNx', 'Inf', '-Inf', '-', '-x', '01', '1.', '.5', '1e',
    '1e+', '[1.e5]', '1 2', '[1]]', '{"a":1}}', 'null x', '\n\n  [1,\n  2,\n  x]', '"\\u', '"\\u123"', '"\\ud834\\udd1e', 'tRue',
    '[-]', '[--1]', '[1e5.3]', '\x00', '"' + '\\' + 'u0041', '[' + 'null,' * 3,
    '{"a": "b", "c"}', '{"a" : "b" , ', '{ "a" : [1, {"b": }]}',
]
for doc in bad:
    try:
        print(repr(doc), repr(json.loads(doc)))
    except json.JSONDecodeError as e:
        print(repr(doc), type(e).__name__, e, '|', e.msg, e.pos, e.lineno, e.colno, e.doc == doc)

for args in [(1,), ([],)]:
    try:
        json.loads(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    json.loads('"\xe9\\ud800', strict=True)
except json.JSONDecodeError as e:
    print(e)
try:
    json.loads('{"a": "b\tc"}')
except json.JSONDecodeError as e:
    print(e)
try:
    json.loads('[1, 2]', object_hook=1)
    json.loads('{"a": 2}', object_hook=1)
except TypeError as e:
    print('TypeError', e)
try:
    json.loads('[1.5]', parse_float=lambda s: 1 / 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    json.loads('[' * 100000 + ']' * 100000)
except RecursionError as e:
    print('RecursionError', e)
try:
    json.loads('{"a":' * 100000 + '1' + '}' * 100000)
except RecursionError as e:
    print('RecursionError', e)
