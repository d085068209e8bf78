import asyncio


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()
    print(host, server.is_serving())
    async with server:
        results = []
        for i in range(3):
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(b"hello %d\n" % i)
            writer.write(b"second line\n")
            await writer.drain()
            results.append(await reader.readline())
            results.append(await reader.readexactly(12))
            writer.write_eof()
            results.append(await reader.read())
            writer.close()
            await writer.wait_closed()
        print(results)

        async def client(n):
            r, w = await asyncio.open_connection(host, port)
            w.write(b"x" * n + b"\n")
            data = await r.readuntil(b"\n")
            w.close()
            await w.wait_closed()
            return len(data)

        print(await asyncio.gather(*(client(n) for n in (1, 1000, 30000))))
    print(server.is_serving())
    try:
        await asyncio.open_connection(host, port)
    except ConnectionRefusedError as e:
        print(type(e).__name__)


asyncio.run(main())
