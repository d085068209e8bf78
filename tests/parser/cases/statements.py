import a, b.c, d.e.f as g
from . import x
from .. import y as z
from ...pkg.mod import (a, b as c,)
from .mod import *
from __future__ import annotations
x = y = z = 1
x, y = y, x
[a, *b] = c
(a, b), c = d
a.b.c = 1
a[1][2] = 3
a[1:2] = b
a[::2], a[:], a[1:], a[:2] = x
x += 1; x -= 1; x *= 2; x /= 2; x //= 2; x %= 2; x **= 2; x >>= 1; x <<= 1; x &= 1; x |= 1; x ^= 1; x @= m
x: int
x: int = 5
(x): int = 5
x.y: str
x[0]: list = []
del a, b[0], c.d
del (a, b), [c]
del (a)
assert x, "msg"
assert x
global a, b
raise
raise X
raise X from Y
return_ = 1
pass; pass;
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
while x:
    break
else:
    continue
for x in y:
    pass
else:
    pass
for x, y in z: pass
for (x, y), *z in w: pass
for x, in y: pass
try:
    pass
except:
    pass
try:
    pass
except E:
    pass
except (E1, E2) as e:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* E:
    pass
except* (F, G) as e:
    pass
with a: pass
with a as b, c as d: pass
with (a, b): pass
with (a as b, c as d,): pass
with (a, b) as c: pass
with (yield): pass
with a as (b, c): pass
with a as [b, *c]: pass
with a as b.c, d as e[0]: pass
with (open(x) as f): pass
class A: pass
class B(A, metaclass=M, **kw): pass
class C(): pass
@dec
@dec.attr(1)
@(lambda f: f)
@a[0].b
class D: pass
def f(): pass
def f(a, b=1, *args, c, d=2, **kw) -> int: pass
def f(a, /, b, *, c): pass
def f(a=1, /, b=2, *, c=3): pass
def f(*, a): pass
def f(a: int, *args: str, b: float = 1.0, **kw: dict) -> None: pass
def f(*args: *Ts): pass
def f(a, b, /): pass
def f(a,): pass
def f(*a,): pass
def f(**a,): pass
async def f():
    await x
    async for a in b: pass
    async with a as b, c: pass
    [x async for x in y]
    (x async for x in y if z)
    {x: y async for x, y in z}
def g():
    yield
    yield x
    yield x, y
    yield from z
    x = yield
    x = yield y
    await_ = 1
nonlocal_ = 1
def outer():
    x = 1
    def inner():
        nonlocal x
        global y
x = lambda: 0
x = lambda a, b=1, *c, d, e=2, **f: 0
x = lambda a, /, b: 0
x = lambda *, a: 0
x = lambda *a: a
x = lambda **k: k
x = lambda a,: a
if x:
    pass
if x: pass
elif y: pass
else: pass
x = 1 \
    + 2
if True:

    # comment

    x = 1
    # trailing comment
y = 2
