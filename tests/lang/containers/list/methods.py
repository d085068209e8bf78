# list methods: append/extend/insert/pop/remove/index/count/clear/copy/reverse
def show(*a):
    print(*a)

def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

l = [1, 2, 3]
l.append(4); show(l)
l.extend([5, 6]); show(l)
l.extend((7,)); show(l)
l.extend(range(8, 10)); show(l)
l.extend(x for x in "ab"); show(l)
l.extend({}); show(l)
err(l.extend, 5)
err(l.append)
err(l.append, 1, 2)
err(l.append, x=1)
l = [0, 1, 2]
l.insert(0, 'a'); show(l)
l.insert(-1, 'b'); show(l)
l.insert(100, 'c'); show(l)
l.insert(-100, 'd'); show(l)
err(l.insert, 2**70, "e"); show(l)
err(l.insert, -2**70, "f"); show(l)
err(l.insert, 'x', 1)
err(l.insert, 1)
err(l.insert, 1.0, 2)
l = [1, 2, 3, 4, 5]
show(l.pop(), l)
show(l.pop(0), l)
show(l.pop(-1), l)
err(l.pop, 5)
err(l.pop, -5)
err(l.pop, 2**70)
err(l.pop, 'a')
err([].pop)
err([].pop, 0)
l = [1, 2, 3, 2, 1]
l.remove(2); show(l)
err(l.remove, 9)
show(l.index(1), l.index(1, 1), l.index(3, -3), l.index(1, -1))
err(l.index, 1, 1, 3)
err(l.index, 9)
err(l.index, 1, 'a')
err(l.index)
show(l.index(1, -100, 100), l.index(2, 0, 2**70), l.index(1, -2**70))
err(l.index, 3, 2**70)
show(l.count(1), l.count(9), [1, 1.0, True].count(1))
err(l.count)
l2 = l.copy(); l2.append(0); show(l, l2)
l.clear(); show(l)
l = list(range(7)); l.reverse(); show(l)
l = []; l.reverse(); show(l)
show([1, 2].__sizeof__() >= 40, type([].__sizeof__()))
# nan identity
nan = float('nan')
l = [nan]
show(nan in l, l.count(nan), l.index(nan))
l.remove(nan); show(l)
# __reversed__
show(list(reversed([1, 2, 3])), list([1, 2, 3].__reversed__()))
it = reversed([1, 2, 3]); show(it.__length_hint__(), next(it), it.__length_hint__())
show(type(iter([])).__name__, type(reversed([])).__name__)
it = iter([1, 2, 3]); show(it.__length_hint__()); next(it); show(it.__length_hint__(), list(it), it.__length_hint__())
# iterator over list that grows
l = [1, 2, 3]
out = []
for x in l:
    out.append(x)
    if x < 5:
        l.append(x + 3)
show(out)
# removal while iterating
l = [1, 2, 3, 4, 5, 6]
for x in l:
    l.remove(x)
show(l)
# bool/len
show(bool([]), bool([0]), len([1, 2]))
# eq with custom
class E:
    def __eq__(self, o):
        print("eq called"); return True
show([1, 2].index(E()) if False else [E()].count(1))
show(E() in [1])
class Raiser:
    def __eq__(self, o):
        raise ValueError("boom")
err([1, 2].index, Raiser())
err([1].count, Raiser())
err([1].remove, Raiser())
err(lambda: Raiser() in [1])
