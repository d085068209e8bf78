def fib(n):
    return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(20))
class A:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x * 2
    def __repr__(self):
        return f"A({self.x!r})"
a = A(21)
print(a.get(), a, [a, a])
d = {"a": 1, "b": [1, 2, 3]}
print(d, len(d), d["b"][1:])
s = {3, 1, 2}
print(s, sorted(s, reverse=True))
print([x * x for x in range(10) if x % 2])
def gen(n):
    for i in range(n):
        yield i
print(list(gen(5)), sum(gen(10)))
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
