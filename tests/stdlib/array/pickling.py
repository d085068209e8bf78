import array, pickle
for tc in array.typecodes:
    vals = {'u': 'abc', 'f': [1.5, -2.0], 'd': [0.1, 1e300]}.get(tc, [0, 1, 2, 100])
    a = array.array(tc, vals)
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        b = pickle.loads(pickle.dumps(a, proto))
        assert b == a and b.typecode == tc, (tc, proto)
    print(tc, 'ok')
print(array._array_reconstructor(array.array, 'i', 4, b'\x01\x00\x00\x00\x02\x00\x00\x00'))
print(array._array_reconstructor(array.array, 'i', 13, b'\x00' * 7 + b'\x05'))
print(array._array_reconstructor(array.array, 'd', 17, b'?\xf0\x00\x00\x00\x00\x00\x00'))
for args in [(array.array, 'x', 0, b''), (array.array, 'i', 99, b''), (int, 'i', 4, b''), (array.array, 'i', 4, b'\x00')]:
    try:
        array._array_reconstructor(*args)
    except Exception as e:
        print(type(e).__name__, e)
class A(array.array):
    def __init__(self, *a):
        self.x = 5
x = A('i', [1, 2]); x.y = 3
y = pickle.loads(pickle.dumps(x))
print(type(y).__name__, y, y.y)
