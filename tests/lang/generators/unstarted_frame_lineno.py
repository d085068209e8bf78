import sys
def gen():
    yield 1
async def coro():
    return 1
g = gen()
print(g.gi_frame.f_lineno - gen.__code__.co_firstlineno)
next(g)
print(g.gi_frame.f_lineno - gen.__code__.co_firstlineno)
c = coro()
print(c.cr_frame.f_lineno - coro.__code__.co_firstlineno)
c.close()
def f():
    return sys._getframe().f_lineno
print(f() - f.__code__.co_firstlineno)
