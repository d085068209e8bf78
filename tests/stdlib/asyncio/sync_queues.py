import asyncio


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        await asyncio.sleep(0)
    await q.put(None)


async def consumer(q, out):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            break
        out.append(item * 10)


async def main():
    q = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q, 6), consumer(q, out))
    await q.join()
    print(out, q.empty(), q.qsize())
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 3]:
        pq.put_nowait(x)
    print([pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for x in "abc":
        await lq.put(x)
    print([await lq.get() for _ in range(3)])
    try:
        q2 = asyncio.Queue(1)
        q2.put_nowait(1)
        q2.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull")
    try:
        asyncio.Queue().get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")

    lock = asyncio.Lock()
    log = []

    async def worker(name):
        async with lock:
            log.append(name + " in")
            await asyncio.sleep(0.001)
            log.append(name + " out")

    await asyncio.gather(worker("a"), worker("b"), worker("c"))
    print(log)
    ev = asyncio.Event()

    async def waiter():
        await ev.wait()
        return "event seen"

    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print(await t)
    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0

    async def limited():
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.001)
            active -= 1

    await asyncio.gather(*(limited() for _ in range(6)))
    print("peak", peak)
    cond = asyncio.Condition()
    items = []

    async def cons():
        async with cond:
            await cond.wait_for(lambda: items)
            return items.pop()

    t = asyncio.create_task(cons())
    await asyncio.sleep(0)
    async with cond:
        items.append("item")
        cond.notify()
    print(await t)


asyncio.run(main())
