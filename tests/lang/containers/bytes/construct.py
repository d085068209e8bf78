# bytes/bytearray construction, repr, comparison, hashing, indexing, concatenation
def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

print(bytes(), bytes(3), bytes([1, 2, 255]), bytes(b'ab'), bytes(bytearray(b'cd')), bytes(memoryview(b'ef')), bytes('é', 'utf-8'), bytes('a', encoding='ascii'), bytes(range(3)), bytes((x for x in [65, 66])))
print(bytearray(), bytearray(2), bytearray([0, 255]), bytearray(b'x'), bytearray('é', 'latin-1'), bytearray(iter(b'ab')))
err(bytes, 'abc')
err(bytes, [256])
err(bytes, [-1])
err(bytes, ['a'])
err(bytes, -1)
err(bytes, 1.5)
err(bytes, None)
err(bytes, 'é', 'ascii')
err(bytes, b'a', 'utf-8')
err(bytes, errors='strict')
err(bytes, 1, 2, 3, 4)
err(bytes, x=1)
err(bytearray, 'abc')
err(bytearray, [300])
err(bytearray, -5)
err(bytearray, 1.0)
err(bytearray, encoding='utf-8')
class HasBytes:
    def __bytes__(self): return b'custom'
class BadBytes:
    def __bytes__(self): return 'str'
class Idx:
    def __index__(self): return 3
print(bytes(HasBytes()), bytes(Idx()), bytearray(Idx()))
err(bytes, BadBytes())
err(bytearray, HasBytes())
print(repr(b''), repr(b"'"), repr(b'"'), repr(b'\'"'), repr(b'\\'), repr(b'\x00\t\n\r\x7f\x80\xff a'), repr(bytearray(b"it's")), str(b'x'), str(bytearray()))
# comparisons
print(b'a' < b'b', b'a' < b'ab', b'' < b'a', b'abc' == bytearray(b'abc'), bytearray(b'a') < b'b', b'b' > b'a', b'a' <= b'a', b'a' >= b'b', b'a' != b'a')
print(b'a' == 'a', b'a' == [97], bytearray(b'') == b'')
err(lambda: b'a' < 'a')
err(lambda: b'a' < 1)
# hash
print(hash(b'') == hash(''), hash(b'abc') == hash('abc'), hash(b'\xe9') == hash('\xe9'), hash(b'abc') == hash(b'abc'))
err(hash, bytearray())
# indexing and slicing
b = b'hello'
print(b[0], b[-1], b[1:3], b[::-1], b[::2], b[10:], b[-100:2], b[True])
err(lambda: b[5])
err(lambda: b[-6])
err(lambda: b['a'])
err(lambda: b[1.0])
ba = bytearray(b'hello')
print(ba[0], ba[-1], ba[1:3], ba[::-1])
err(lambda: ba[5])
err(lambda: ba['x'])
# concat / repeat
print(b'a' + b'b', b'a' + bytearray(b'b'), bytearray(b'a') + b'b', b'a' + memoryview(b'c'), b'ab' * 3, 2 * b'x', b'x' * 0, b'x' * -1, bytearray(b'z') * 2)
err(lambda: b'a' + 'b')
err(lambda: b'a' + 1)
err(lambda: 'a' + b'b')
err(lambda: bytearray(b'a') + 'b')
err(lambda: b'a' * 'b')
err(lambda: b'a' * 1.5)
err(lambda: b'a' * 2**70)
# iteration
print(list(b'abc'), list(bytearray(b'\x00\xff')), [x for x in memoryview(b'hi')])
it = iter(b'ab'); print(type(it).__name__, next(it), it.__length_hint__(), list(it))
it = iter(bytearray(b'ab')); print(type(it).__name__, next(it), list(it))
print(len(b'abc'), len(bytearray(5)), bool(b''), bool(b'\x00'))
print(b'%s' % b'x' if False else 'ok', bytes.__name__, bytearray.__doc__ is not None)
print(int.from_bytes(b'\x01\x00', 'big'), (258).to_bytes(2, 'little'), float(b'1.5') if False else '')
print(sorted([b'b', b'a', bytearray(b'c')]), max(b'abc'), sum(b'\x01\x02'))
