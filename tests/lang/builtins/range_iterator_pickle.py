import pickle
for t in [(2**65, 2**65 + 5), (1, 2**64, 2**62), (-1, -2**64, -2**62), (2**63 - 2, 2**63 - 1, 2)]:
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        it = iter(range(*t))
        data = list(range(*t))
        it2 = pickle.loads(pickle.dumps(it, proto))
        assert type(it2) is type(it), (type(it2), type(it))
        assert list(it2) == data
        it = iter(range(*t))
        next(it, None)
        it2 = pickle.loads(pickle.dumps(it, proto))
        assert list(it2) == data[1:]
    it = iter(range(*t))
    it.__setstate__(2)
    print(list(it)[:2], it.__length_hint__())
    it = iter(range(*t))
    it.__setstate__(-5)
    print(list(it)[:1])
print("ok")
