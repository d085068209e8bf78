# slicing, slice assignment and deletion
def err(f, *a):
    try:
        r = f(*a)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

base = list(range(10))
for s in [slice(None), slice(2, 5), slice(-3, None), slice(None, None, 2), slice(None, None, -1),
          slice(8, 2, -2), slice(100, -100, -3), slice(-100, 100, 4), slice(5, 5), slice(7, 3),
          slice(None, None, 2**70), slice(-2**70, 2**70), slice(2**70, None, -1)]:
    print(s, base[s])
err(lambda: base[::0])
err(lambda: base['a':])
err(lambda: base[1.5])
err(lambda: base['x'])
err(lambda: base[10])
err(lambda: base[-11])
err(lambda: base[2**70])
print(base[-10], base[9], base[True])
class Idx:
    def __index__(self): return 3
print(base[Idx()], base[Idx():], base[:Idx()])

def setslice(l, s, v):
    try:
        l[s] = v
        print(l)
    except Exception as e:
        print(type(e).__name__, e)

setslice(list(range(5)), slice(1, 3), ['a', 'b', 'c'])
setslice(list(range(5)), slice(1, 3), [])
setslice(list(range(5)), slice(3, 1), ['x'])
setslice(list(range(5)), slice(None), 'xy')
setslice(list(range(5)), slice(10, 20), [9])
setslice(list(range(5)), slice(-1, None), (7, 8))
setslice(list(range(5)), slice(None, None, 2), 'abc')
setslice(list(range(5)), slice(None, None, 2), 'ab')
setslice(list(range(5)), slice(None, None, -2), [7, 8, 9])
setslice(list(range(5)), slice(1, 1, 2), [])
setslice(list(range(5)), slice(1, 3), 5)
setslice(list(range(5)), slice(None, None, 2), 5)
setslice(list(range(5)), slice(None, None, 0), [])
setslice(list(range(5)), slice(0, 5, 1), iter([1, 2]))
setslice(list(range(5)), slice(4, 0, -1), [])
setslice(list(range(5)), slice(4, 0, -1), [1, 2, 3, 4])
setslice(list(range(5)), slice(None, None, 2), (x for x in 'abc'))
# self-assignment
l = [1, 2, 3]; l[1:] = l; print(l)
l = [1, 2, 3]; l[:] = l; print(l)
l = [1, 2, 3]; l[::-1] = l; print(l)
l = [1, 2, 3]; l[:0] = l; print(l)

def delslice(l, s):
    try:
        del l[s]
        print(l)
    except Exception as e:
        print(type(e).__name__, e)

delslice(list(range(10)), slice(2, 5))
delslice(list(range(10)), slice(None, None, 2))
delslice(list(range(10)), slice(None, None, -3))
delslice(list(range(10)), slice(8, 1, -2))
delslice(list(range(10)), slice(100, 200))
delslice(list(range(10)), slice(None))
delslice(list(range(10)), slice(None, None, 0))
delslice(list(range(10)), 3)
delslice(list(range(10)), -1)
delslice(list(range(10)), 10)
delslice(list(range(10)), 'a')

def setitem(l, i, v):
    try:
        l[i] = v
        print(l)
    except Exception as e:
        print(type(e).__name__, e)
setitem([1, 2], 0, 'a')
setitem([1, 2], -1, 'a')
setitem([1, 2], 2, 'a')
setitem([1, 2], -3, 'a')
setitem([1, 2], 'x', 'a')
setitem([1, 2], 2**70, 'a')
setitem([1, 2], 1.0, 'a')
