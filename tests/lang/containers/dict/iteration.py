# dict iteration: errors when the dict changes, iterator protocol
def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

d = {1: 1, 2: 2, 3: 3}
def add_during():
    for k in d:
        d[k + 10] = 0
err(add_during)
print(d)
d = {1: 1, 2: 2, 3: 3}
def del_during():
    for k in d:
        del d[k]
err(del_during)
print(d)
d = {1: 1, 2: 2, 3: 3}
def replace_during():
    for k in d:
        d[k] = 'x'
    return d
err(replace_during)
d = {1: 1, 2: 2, 3: 3}
def swap_during():
    for k in d:
        del d[k]
        d[k + 100] = 0
err(swap_during)
print(d)
d = {i: i for i in range(5)}
it = iter(d)
next(it)
d['new'] = 1
err(next, it)
err(next, it)
del d['new']
err(next, it)  # sticky
d = {1: 1, 2: 2}
it = iter(d.items())
print(next(it))
d.pop(2)
err(next, it)
d = {1: 1, 2: 2}
it = reversed(d)
print(next(it))
d[3] = 3
err(next, it)
err(next, it)
# values iteration
d = {'a': 1}
def vals():
    for v in d.values():
        d['b'] = 2
err(vals)
# exhausted iterator stays exhausted
d = {1: 2}
it = iter(d)
print(list(it), list(it))
d[5] = 6
print(list(it))
# length hint
d = {i: i for i in range(5)}
it = iter(d); next(it); print(it.__length_hint__())
it = iter(d.items()); print(it.__length_hint__(), len(list(it)), it.__length_hint__())
it = reversed(d.values()); next(it); print(it.__length_hint__())
# reduce
it = iter({1: 'a', 2: 'b'}.items()); next(it)
r = it.__reduce__(); print(r[0].__name__, r[1])
print(list(it))
# clear during iteration
d = {1: 1, 2: 2}
def clear_during():
    for k in d:
        d.clear()
err(clear_during)
# dict comprehension over a dict being changed elsewhere
d = {i: i for i in range(3)}
print({k: v * 2 for k, v in d.items()})
# keys added then removed during iteration (same size)
d = {1: 1, 2: 2, 3: 3}
out = []
def same_size():
    for k in d:
        out.append(k)
        if k == 1:
            del d[3]
            d[4] = 4
err(same_size)
print(out, d)
