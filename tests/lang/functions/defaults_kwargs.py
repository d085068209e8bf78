def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6, f=7))
print(f(*[1, 2], **{'c': 9, 'z': 0}))

def pos_only(a, b, /, c, *, d):
    return a, b, c, d
print(pos_only(1, 2, 3, d=4))
print(pos_only(1, 2, c=3, d=4))
for call in [lambda: pos_only(1, b=2, c=3, d=4), lambda: pos_only(1, 2, 3, 4), lambda: pos_only(1, 2, 3),
             lambda: f(), lambda: f(1, 2, c=3, b=4), lambda: f(1, c=1, **{'c': 2})]:
    try:
        call()
    except TypeError as e:
        print(e)

def mutable_default(x, acc=[]):
    acc.append(x)
    return acc
print(mutable_default(1), mutable_default(2))
print(mutable_default.__defaults__)

def kwonly_defaults(*, a=1, b):
    return a, b
print(kwonly_defaults(b=2), kwonly_defaults.__kwdefaults__)

def annotated(a: int, b: 'str' = 'x') -> list:
    pass
print(annotated.__annotations__)

def star_only(*args):
    return args
print(star_only(), star_only(1, *range(3), *'ab'))

def kw_collect(**kw):
    return kw
print(kw_collect(a=1, **{'b': 2}, c=3))
try:
    kw_collect(**{1: 2})
except TypeError as e:
    print(e)
try:
    kw_collect(**[1])
except TypeError as e:
    print(e)
try:
    star_only(*5)
except TypeError as e:
    print(e)

def dec(fn):
    def wrapper(*a, **k):
        return ('wrapped', fn(*a, **k))
    return wrapper

@dec
@dec
def twice(x):
    return x
print(twice(3))

def deco_with_args(n):
    def d(fn):
        fn.n = n
        return fn
    return d

@deco_with_args(5)
def tagged(): pass
print(tagged.n)

print((lambda *a, **k: (a, k))(1, x=2))
print((lambda a, b=3: a * b)(2))
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(20), rec(30))
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, pos_only.__code__.co_posonlyargcount)
print(f.__code__.co_varnames)
def doc():
    "docstring here"
print(doc.__doc__, f.__doc__)
print(f.__defaults__, f.__kwdefaults__)
def many(a, b, c, d, e, f, g, h, i, j):
    return a + b + c + d + e + f + g + h + i + j
print(many(*range(10)))
print(many(1, 2, 3, 4, 5, 6, 7, 8, 9, j=10))
try:
    many(1)
except TypeError as e:
    print(e)
try:
    (lambda: 0)(1)
except TypeError as e:
    print(e)
try:
    kwonly_defaults(c=3, b=1)
except TypeError as e:
    print(e)
