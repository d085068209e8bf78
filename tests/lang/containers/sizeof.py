# __sizeof__ and __alloc__ follow CPython's allocation rules for list, tuple, dict, set, bytes, bytearray
print([].__sizeof__(), [1, 2, 3].__sizeof__(), list(range(10)).__sizeof__(), [0] * 7 .__sizeof__() if False else ([0] * 7).__sizeof__())
l = []
out = []
for i in range(20):
    l.append(i)
    out.append(l.__sizeof__())
print(out)
print(list((1, 2)).__sizeof__(), [x for x in range(5)].__sizeof__(), ().__sizeof__(), (1, 2).__sizeof__(), b'ab'.__sizeof__(), bytearray(b'ab').__sizeof__(), set().__sizeof__(), set(range(10)).__sizeof__(), {}.__sizeof__(), {1: 2}.__sizeof__())
d = {}
out = []
for i in range(40):
    d[i] = i
    out.append(d.__sizeof__())
print(out)
d = {}
out = []
for i in range(40):
    d[str(i)] = i
    out.append(d.__sizeof__())
print(out)
print({}.__sizeof__(), {1: 2}.__sizeof__(), dict(a=1).__sizeof__(), dict.fromkeys(range(10)).__sizeof__(), {i: i for i in range(10)}.__sizeof__(), dict(zip(range(20), range(20))).__sizeof__())
e = {i: i for i in range(100)}; print(e.copy().__sizeof__(), dict(e).__sizeof__())
for i in range(50): del e[i]
print(e.__sizeof__(), e.copy().__sizeof__())
b = bytearray()
out = []
for i in range(40):
    b.append(i)
    out.append((b.__alloc__(), b.__sizeof__()))
print(out)
print(bytearray(b'ab').__sizeof__(), bytearray(10).__alloc__(), bytearray(b'').__alloc__(), bytearray(range(100)).__alloc__())
b = bytearray(100)
for i in range(90): b.pop()
print(b.__alloc__(), len(b))
b += b'x' * 50; print(b.__alloc__())
b = bytearray(b'abc'); b.extend(b'defghijkl'); print(b.__alloc__())
b[2:5] = b''; print(b.__alloc__(), b)
l = list(range(100))
for i in range(80): l.pop()
print(l.__sizeof__())
l = list(range(100)); del l[10:]; print(l.__sizeof__())
l = [1, 2, 3]; l.sort(); l.reverse(); print(l.__sizeof__())
l = list(x for x in range(20)); print(l.__sizeof__())
l = list(filter(None, range(3))); print(l.__sizeof__())
l = []; l.extend(range(7)); l.extend((1, 2)); print(l.__sizeof__())
l = [1] * 10; l *= 3; print(l.__sizeof__())
l = list(range(10)); l.clear(); print(l.__sizeof__()); l.append(1); print(l.__sizeof__())
l = list(range(10)); l[2:4] = range(20); print(l.__sizeof__())
print([0, 1, 2, 3, 4, 5, 6].__sizeof__(), [x for x in ()].__sizeof__(), list([1]).__sizeof__(), list((1, 2, 3)).__sizeof__())
