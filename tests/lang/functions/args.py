def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6, g=7))
print(f(*[1, 2], **{"c": 9}))

def posonly(a, b, /, c):
    return a + b + c

print(posonly(1, 2, c=3))
for call in [lambda: f(), lambda: f(1), lambda: posonly(a=1, b=2, c=3), lambda: f(1, c=1, a=2),
             lambda: posonly(1, 2, 3, 4), lambda: f(1, c=2, zz=3) and g()]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
    except NameError as e:
        print("NameError:", e)

def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner
g = outer()
print(g(), g(), g())
print((lambda *a, **k: (a, k))(1, 2, x=3))
