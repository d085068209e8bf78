# slice objects: attributes, indices(), equality, repr, hash, use with custom __getitem__
def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, 2), slice('a', [], None))
err(slice)
err(slice, 1, 2, 3, 4)
err(lambda: slice(x=1))
for sl in [slice(None), slice(2, 8), slice(-3, None), slice(None, None, -1), slice(10, -10, -2), slice(-100, 100, 3),
           slice(3, 3), slice(None, None, 2**70), slice(-2**70, 2**70), slice(2**70, None, -1), slice(0, 5, -1)]:
    print(sl, sl.indices(10), sl.indices(0), sl.indices(1))
print(slice(None, None, 10**30).indices(5), slice(10**30, -10**30, -1).indices(7), slice(-10**30, None).indices(3))
print(slice(0, 10**20).indices(10**25))
err(slice(None).indices, -1)
err(slice(None).indices, 'a')
err(slice(None, None, 0).indices, 5)
err(slice('a').indices, 5)
err(slice(None).indices)
class I:
    def __index__(self): return 3
print(slice(I(), I() , I()).indices(10), list(range(10))[I():])
# equality and comparisons
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 2, None), slice(1, 2, 3) != slice(1, 2, 3), slice(1) < slice(2), slice(1, 2) <= slice(1, 3))
err(lambda: slice(1) < slice('a'))
print(slice(1, 2) == (1, 2, None))
err(hash, slice(1))
err(lambda: {slice(1): 1})
print(repr(slice(1, None, 'x')), slice(1, 2).__reduce__())
# readonly attributes
def setattr_(obj, name, v):
    setattr(obj, name, v)
err(setattr_, s, 'start', 5)
# custom __getitem__ receives slices
class G:
    def __getitem__(self, k): return k
g = G()
print(g[1:2], g[::3], g[:], g[1:2, 3], g[..., 1:], g[:, :, 2])
print(type(g[1:2]).__name__)
print([0, 1, 2, 3, 4][slice(1, None, 2)], 'abcdef'[slice(None, None, -2)], (1, 2, 3)[slice(-2, None)])
