class Logged(list):
    def append(self, x):
        print("append", x)
        super().append(x)
    def __setitem__(self, i, v):
        print("setitem", i, v)
        super().__setitem__(i, v)
    def __getitem__(self, i):
        r = super().__getitem__(i)
        print("getitem", i)
        return r
    def __len__(self):
        return super().__len__()

l = Logged([1, 2])
l.append(3)
l[0] = 10
print(l[0], l, len(l))
# builtins don't go through the overrides
l.extend([4])
l += [5]
l.insert(0, 0)
print(list(l), sorted(l), sum(l), max(l))
print([x for x in l][:2], l[1:3], type(l[1:3]).__name__)
a, *b = l
print(a, b)

class Stack(list):
    def push(self, x): self.append(x)
    def peek(self): return self[-1]
s = Stack()
s.push(1)
s.push(2)
print(s.peek(), s, type(s + [3]).__name__, type(s * 2).__name__, s == [1, 2], isinstance(s, list))
s.attr = "ok"
print(s.attr, repr(s), str(s))

class CustomIter(list):
    def __iter__(self):
        return iter(["custom"])
c = CustomIter([1, 2])
print(list(c), tuple(c), [x for x in c], sorted(c), len(c), c[0], 1 in c, "custom" in c)
print(", ".join(CustomIter(["a"])) if False else "")
x, = CustomIter([1, 2])
print(x)

class CustomContains(list):
    def __contains__(self, x): return x == "magic"
print("magic" in CustomContains(), 1 in CustomContains([1]))

class CustomEq(list):
    def __eq__(self, o): return True
    __hash__ = None
print(CustomEq([1]) == [2], [2] == CustomEq([1]), CustomEq() != [], [CustomEq()] == [[]])

# list subclass with __init__ taking other args
class Initialized(list):
    def __init__(self, n):
        super().__init__(range(n))
print(Initialized(3))

# sort stability with key override of __lt__
class Rev(int):
    def __lt__(self, o): return int(self) > int(o)
print(sorted([Rev(1), Rev(3), Rev(2)]))
