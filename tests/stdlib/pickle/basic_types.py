import pickle
values = [None, True, False, 0, 1, -1, 255, 256, 65535, 2**31, -2**31 - 1, 2**64, -2**100, 3.5, -0.0, 1e300,
          float('inf'), complex(1, 2), '', 'abc', 'ünï©ødé \U0001f600', b'', b'\x00\xff' * 10, bytearray(b'xy'),
          (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1, [2, [3]]], {}, {1: 2, 'a': [3]}, set(), {1, 2, 3},
          frozenset(), frozenset({4}), range(3), slice(1, 2, 3), Ellipsis, NotImplemented, 'x' * 300, b'y' * 300,
          list(range(2000)), {i: str(i) for i in range(100)}, type, int, len, print]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for v in values:
        data = pickle.dumps(v, proto)
        w = pickle.loads(data)
        assert w == v and type(w) is type(v), (proto, v, w)
    print(proto, 'ok')
print(pickle.loads(pickle.dumps({1: [2, 3.0, 'x', b'y', (None, True)]})))
for proto in range(6):
    print(proto, pickle.dumps((1, 'a', b'b', [None]), proto))
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
import io
buf = io.BytesIO()
p = pickle.Pickler(buf, 4)
p.dump([1, 2]); p.dump('second')
buf.seek(0)
u = pickle.Unpickler(buf)
print(u.load(), u.load())
print(pickle.loads(pickle.dumps(b'abc', 5)), pickle.loads(pickle.dumps(bytearray(b'abc'), 5)))
big = b'z' * 100000
print(len(pickle.dumps(big, 4)), pickle.loads(pickle.dumps(big, 4)) == big)
print(len(pickle.dumps(list(range(50000)), 4)))
