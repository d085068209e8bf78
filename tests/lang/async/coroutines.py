import types
class Future:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        got = yield ('waiting', self.value)
        return got

async def leaf(v):
    r = await Future(v)
    return r * 2

async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return a + b

def run(coro):
    sent = None
    while True:
        try:
            req = coro.send(sent)
        except StopIteration as e:
            return e.value
        print('request', req)
        sent = req[1] * 10

print(run(middle()))

class AsyncCM:
    async def __aenter__(self):
        print('aenter')
        return 'cm-value'
    async def __aexit__(self, *exc):
        print('aexit', exc[0].__name__ if exc[0] else None)
        return True

class AIter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def use_all():
    async with AsyncCM() as v:
        print('inside', v)
        raise ValueError('suppressed')
    out = []
    async for x in AIter(3):
        out.append(x)
    else:
        out.append('else')
    return out
print(run(use_all()))

async def agen(n):
    for i in range(n):
        got = yield i
        if got:
            print('agen got', got)
    print('agen done')

async def consume():
    res = [x async for x in agen(3)]
    g = agen(2)
    first = await g.__anext__()
    second = await g.asend('hello')
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print('agen exhausted')
    return res, first, second
print(run(consume()))

async def simple():
    return 42
c = simple()
print(type(c).__name__, c.__name__, c.cr_running)
try:
    c.send(None)
except StopIteration as e:
    print('result', e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(e)

@types.coroutine
def legacy():
    yield 'legacy-yield'
    return 'legacy-result'
async def uses_legacy():
    return await legacy()
co = uses_legacy()
print(co.send(None))
try:
    co.send(None)
except StopIteration as e:
    print(e.value)

async def bad_await():
    await 5
try:
    bad_await().send(None)
except TypeError as e:
    print(e)

async def agen_close():
    try:
        yield 1
    finally:
        print('agen finally')
async def driver():
    g = agen_close()
    print(await g.__anext__())
    await g.aclose()
run(driver())

print(bool(simple.__code__.co_flags & 0x80), bool(agen.__code__.co_flags & 0x200))
c2 = simple()
c2.close()
print('closed ok')
