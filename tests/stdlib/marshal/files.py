# dump and load through file objects.
import io
import marshal

f = io.BytesIO()
values = [None, 1, 2**80, 'text', ('t', 1.5), [b'b'], {'k': {1, 2}}, frozenset({'x y'})]
for v in values:
    print(marshal.dump(v, f))
marshal.dump(3.25, f, 1)
marshal.dump((1, 2), f, 2)
data = f.getvalue()
print(len(data), data == b''.join(marshal.dumps(v) for v in values) + marshal.dumps(3.25, 1) + marshal.dumps((1, 2), 2))
f.seek(0)
for _ in range(len(values) + 2):
    print(marshal.load(f), f.tell())
try:
    marshal.load(f)
except EOFError as e:
    print('EOFError', e)

def attempt(f, *args):
    try:
        print('ok', repr(f(*args))[:60])
    except Exception as e:
        print(type(e).__name__, e)

attempt(marshal.load, io.BytesIO(b''))
attempt(marshal.load, io.BytesIO(b'i\x01'))
attempt(marshal.load, io.BytesIO(b'l\x02\x00\x00\x00\x01\x00'))
attempt(marshal.load, io.BytesIO(b')'))
attempt(marshal.load, io.BytesIO(b'z'))
attempt(marshal.load, io.BytesIO(b'[\x01\x00\x00\x00'))
attempt(marshal.load, io.StringIO('N'))
attempt(marshal.load, 42)
attempt(marshal.load)
attempt(marshal.dump, 1)
attempt(marshal.dump, 1, 42)
attempt(marshal.dump, object(), io.BytesIO())
attempt(marshal.dump, 1, io.StringIO())
attempt(marshal.dump, 1, io.BytesIO(), 'v')

# Only the bytes of one object are consumed.
f = io.BytesIO(marshal.dumps([1, 2]) + b'rest')
print(marshal.load(f), f.read())

# A file-like object with its own readinto.
class Reader:
    def __init__(self, data, extra=0):
        self.data = data
        self.extra = extra
    def read(self, n):
        return b''
    def readinto(self, buf):
        n = len(buf)
        chunk, self.data = self.data[:n], self.data[n:]
        buf[:len(chunk)] = chunk
        return len(chunk) + self.extra

print(marshal.load(Reader(marshal.dumps({'a': [1, 2.5, 'ü']}))))
attempt(marshal.load, Reader(b'N', 1))

class Writer:
    def __init__(self):
        self.parts = []
    def write(self, b):
        self.parts.append(b)
w = Writer()
marshal.dump([1, 'x y'], w, 2)
print(w.parts)
