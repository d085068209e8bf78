class X:
    def __hash__(self):
        return 0
    def __eq__(self, o):
        other.clear()
        return False
l = [(i,0) for i in range(1, 1337)]
other = dict(l)
other[X()] = 0
d = {X(): 0, 1: 1}
try:
    d.update(other)
except RuntimeError as e:
    print("RuntimeError", e)
a = {1: 2, 3: 4}
b = {1: 5, 6: 7}
a.update(b); print(a)
