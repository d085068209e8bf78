L = list(range(50))
def k(x):
    L.append(3)
    return x
try:
    L.sort(key=k)
except ValueError as e:
    print("ValueError", e)
print(len(L))
class C:
    def __lt__(self, other):
        L2.append(1)
        return False
L2 = [C() for i in range(10)]
try:
    L2.sort()
except ValueError as e:
    print("ValueError", e)
print(len(L2))
L3 = [1, 2, 3]
def k2(x):
    del L3[:]
    return x
try:
    L3.sort(key=k2)
except ValueError as e:
    print("ValueError", e)
print(L3)
from functools import cmp_to_key
for i in range(5):
    def mutating_cmp(x, y):
        L4.append(3)
        L4.pop()
        return (x > y) - (x < y)
    L4 = [1, 2]
    try:
        L4.sort(key=cmp_to_key(mutating_cmp))
    except ValueError as e:
        print("ValueError", e)
