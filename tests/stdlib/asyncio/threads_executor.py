import asyncio
import threading
import time


def blocking(x):
    time.sleep(0.01)
    return x * 2


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking, 21))
    print(await asyncio.gather(*(loop.run_in_executor(None, blocking, i) for i in range(5))))
    print(await asyncio.to_thread(blocking, 5))
    fut = loop.create_future()

    def from_thread():
        time.sleep(0.01)
        loop.call_soon_threadsafe(fut.set_result, "set from " + ("thread" if threading.current_thread() is not threading.main_thread() else "main"))

    t = threading.Thread(target=from_thread)
    t.start()
    print(await fut)
    t.join()

    async def coro():
        await asyncio.sleep(0.01)
        return "threadsafe coroutine"

    result = []

    def submit():
        cf = asyncio.run_coroutine_threadsafe(coro(), loop)
        result.append(cf.result(timeout=5))

    t = threading.Thread(target=submit)
    t.start()
    while t.is_alive():
        await asyncio.sleep(0.01)
    t.join()
    print(result)


asyncio.run(main())

# an event loop per thread
out = []


def run_loop(i):
    out.append(asyncio.run(asyncio.sleep(0.01, result=i)))


threads = [threading.Thread(target=run_loop, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(out))
