for i in range(3):
    if i == 5: break
else:
    print('for-else ran')
for i in range(3):
    if i == 1: break
else:
    print('not printed')
print(i)
n = 0
while n < 3:
    n += 1
else:
    print('while-else', n)
while True:
    n -= 1
    if n == 0: break
    if n == 1: continue
    print('n', n)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
for x in []:
    pass
else:
    print('empty else')
def f():
    for i in range(10):
        try:
            if i == 2:
                continue
            if i == 4:
                return i
        finally:
            print('finally', i)
print(f())
def g():
    for i in range(3):
        try:
            break
        finally:
            print('break finally')
    return 'done'
print(g())
def h():
    try:
        return 'try'
    finally:
        return 'finally'
print(h())
def k():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
print(k())
x = 0
if x: print('a')
elif x == 0: print('b')
else: print('c')
print('yes' if x == 0 else 'no')
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2)
print(0 or '' or 'last', 1 and 2 and 0, not 0)
a = [1, 2, 3]
while a:
    a.pop()
print(a)
for c in 'hi':
    for d in 'ab':
        if d == 'b': break
        print(c, d)
pass
i = 0
while i < 10:
    i += 1
    if i % 2: continue
    if i > 6: break
print(i)
def nested_loops():
    out = []
    for i in range(3):
        for j in range(3):
            if j == 2: break
            if i == 1: continue
            out.append((i, j))
        else:
            out.append('never')
    return out
print(nested_loops())
assert True, 'no'
try:
    assert 1 == 2, 'custom message'
except AssertionError as e:
    print('AssertionError', e)
try:
    assert False
except AssertionError as e:
    print(repr(e))
