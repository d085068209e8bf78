import array, io, os, tempfile, pickle
a = array.array('h', range(-5, 5))
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'data')
    with open(path, 'wb') as f:
        a.tofile(f)
    print(os.path.getsize(path))
    b = array.array('h')
    with open(path, 'rb') as f:
        b.fromfile(f, 4)
        print(b)
        try:
            b.fromfile(f, 10)
        except EOFError as e:
            print('EOFError', e, b)
    try:
        b.fromfile(io.BytesIO(b''), -1)
    except ValueError as e:
        print('ValueError', e)
    class NotBytes:
        def read(self, n): return 'abc'
    try:
        b.fromfile(NotBytes(), 1)
    except TypeError as e:
        print('TypeError', e)
buf = io.BytesIO()
array.array('d', [1.0, 2.0]).tofile(buf)
print(buf.getvalue())
big = array.array('B', bytes(200000))
buf = io.BytesIO(); big.tofile(buf); print(len(buf.getvalue()))
it = iter(array.array('i', [1, 2, 3])); next(it)
for proto in range(6):
    it2 = pickle.loads(pickle.dumps(it, proto))
    print(proto, list(it2))
print(list(it), it.__reduce__()[1])
e = iter(array.array('i')); list(e)
print(e.__reduce__()[1])
