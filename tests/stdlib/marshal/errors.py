# Error cases, as CPython reports them.
import marshal

def attempt(f, *args):
    try:
        r = f(*args)
        print('ok', repr(r)[:80])
    except Exception as e:
        print(type(e).__name__, e)

class MyInt(int): pass
class MyStr(str): pass
class MyList(list): pass

for v in (object(), MyInt(3), MyStr('s'), MyList(), [1, object()], {1: object}, {object()}, len, type,
          range(3), 1 .__class__):
    attempt(marshal.dumps, v)

attempt(marshal.dumps)
attempt(marshal.dumps, 1, 2, 3)
attempt(marshal.dumps, 1, 'x')
attempt(marshal.dumps, 1, 1.5)
attempt(marshal.dumps, 1, 2**40)
attempt(lambda: marshal.dumps(1, version=2))
attempt(marshal.loads)
attempt(marshal.loads, 'text')
attempt(marshal.loads, 5)
attempt(lambda: marshal.loads(bytes=b'N'))

bad = [b'', b'\x01', b'?', b'(', b'i\x01\x00', b'l', b'l\x01\x00\x00\x00', b'l\x01\x00\x00\x00\x00\x00',
       b'l\x01\x00\x00\x00\x00\x80', b'l\x02\x00\x00\x00\x01\x00\x00\x00', b'l\x00\x00\x00\x80',
       b'l\x00\x00\x00\x00', b'I\x01\x02\x00\x00\x00\x00\x00\x00', b'I\x01', b'g\x00\x00', b'y' + bytes(8),
       b'f', b'f\x05', b'f\x03abc', b'f\x04 1.5', b'f\x031_0', b'f\x03inf', b'x\x011\x01j',
       b's\xff\xff\xff\xff', b's\x05\x00\x00\x00ab', b'u\x02\x00\x00\x00\xff\xfe', b'u\x03\x00\x00\x00\xed\xa0\x80',
       b'u\xff\xff\xff\xff', b'a\x00\x00\x00\x80', b'z', b'z\x05ab', b'Z\x02\xe9\xff', b'z\x02\xe9\xff',
       b'(\xff\xff\xff\xff', b'[\xff\xff\xff\xff', b'<\xff\xff\xff\xff', b'>\xff\xff\xff\xff',
       b')', b')\x01', b')\x010', b'(\x01\x00\x00\x000', b'[\x01\x00\x00\x000', b'<\x01\x00\x00\x000',
       b'{', b'{N', b'{NN', b'{NN0', b'{N0', b'{[\x00\x00\x00\x00N0', b'<\x01\x00\x00\x00[\x00\x00\x00\x00',
       b'0', b'r\x00\x00\x00\x00', b'r\xff\xff\xff\xff', b'\xdb\x01\x00\x00\x00r\x00\x00\x00\x00',
       b'\xa9\x01r\x00\x00\x00\x00', b'\xbe\x01\x00\x00\x00r\x00\x00\x00\x00', b'\xbc\x01\x00\x00\x00r\x00\x00\x00\x00',
       b'[\x02\x00\x00\x00\xe9\x05\x00\x00\x00r\x00\x00\x00\x00', b'[\x01\x00\x00\x00r\x00\x00\x00\x00',
       b'\xce', b'\x80', b'\xd4', b'\xcb', b'S', b'\xd3', b'N\x00']
for data in bad:
    try:
        r = marshal.loads(data)
        print(data, 'ok', repr(r)[:60])
    except Exception as e:
        print(data, type(e).__name__, e)

# Nesting: 2000 levels are fine, one more is not, when writing and reading.
def nest(n, make):
    v = None
    for _ in range(n - 1):
        v = make(v)
    return v

for n in (1999, 2000, 2001):
    for make in (lambda v: [v], lambda v: (v,), lambda v: {1: v}):
        try:
            data = marshal.dumps(nest(n, make))
            print(n, 'dumped', len(data), type(marshal.loads(data)).__name__)
        except ValueError as e:
            print(n, 'ValueError', e)
deep = b'[\x01\x00\x00\x00' * 2100 + b'N'
attempt(marshal.loads, deep)
attempt(lambda: type(marshal.loads(b'[\x01\x00\x00\x00' * 1999 + b'N')))
attempt(marshal.loads, b'[\x01\x00\x00\x00' * 2000 + b'N')
attempt(marshal.loads, b')\x01' * 100000 + b'N')
attempt(marshal.loads, b'[\x01\x00\x00\x00' * 2000 + b']')
attempt(marshal.dumps, nest(100000, lambda v: [v]))
loop = []
loop.append(loop)
attempt(marshal.dumps, loop, 2)

