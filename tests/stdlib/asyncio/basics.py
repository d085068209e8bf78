import asyncio


async def add(a, b, delay=0):
    await asyncio.sleep(delay)
    return a + b


async def failing():
    await asyncio.sleep(0)
    raise ValueError("boom")


async def main():
    print(await add(1, 2))
    t = asyncio.create_task(add(3, 4, 0.01), name="adder")
    print(t.get_name(), t.done())
    print(await t, t.done(), t.result())
    print(await asyncio.gather(add(1, 1, 0.02), add(2, 2, 0.01), add(3, 3)))
    res = await asyncio.gather(add(1, 1), failing(), return_exceptions=True)
    print([type(r).__name__ for r in res])
    try:
        await asyncio.gather(failing(), add(1, 2))
    except ValueError as e:
        print("gather raised", e)
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
    except asyncio.TimeoutError as e:
        print("wait_for timed out", type(e).__name__)
    print(await asyncio.wait_for(add(5, 5), timeout=1))

    async def forever():
        try:
            await asyncio.sleep(100)
        except asyncio.CancelledError:
            print("cancelled inside")
            raise

    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled outside", t.cancelled())

    done, pending = await asyncio.wait([asyncio.create_task(add(i, i, i / 100)) for i in range(3)])
    print(sorted(d.result() for d in done), len(pending))
    order = []
    for coro in asyncio.as_completed([add(1, 0, 0.03), add(2, 0, 0.01), add(3, 0, 0.02)]):
        order.append(await coro)
    print(order)
    print(await asyncio.shield(add(7, 8)))
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "later")
    loop.call_soon(print, "call_soon ran")
    print(await fut)
    print(type(loop).__name__, loop.is_running())
    async with asyncio.timeout(1) if hasattr(asyncio, "timeout") else asyncio.Lock():
        pass
    async def agen():
        for i in range(3):
            await asyncio.sleep(0)
            yield i
    print([x async for x in agen()])
    return "main done"


print(asyncio.run(main()))
