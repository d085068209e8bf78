import asyncio
import sys


async def main():
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "import sys; data = sys.stdin.read(); print(data.upper()); sys.exit(3)",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out, err = await proc.communicate(b"hello from parent")
    print(out, err, proc.returncode)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "print('line1'); print('line2')", stdout=asyncio.subprocess.PIPE)
    lines = []
    while True:
        line = await proc.stdout.readline()
        if not line:
            break
        lines.append(line)
    print(lines, await proc.wait())
    proc = await asyncio.create_subprocess_shell("echo shell; exit 2", stdout=asyncio.subprocess.PIPE)
    print(await proc.communicate(), proc.returncode)


asyncio.run(main())
