# Damaged cache files (cut short, emptied, garbage) are ignored: the import
# compiles the source again, runs it, and replaces the file.
import os

from _code_cache_harness import Sandbox

box = Sandbox()
expected = box.run(*box.importing)
print("exit", expected[0])
# The module's own cache file (both interpreters name it after the module).
files = {path: ident for path, ident in box.snapshot().items() if os.path.basename(path).startswith("ccmod.")}
print("cached:", len(files))
damages = [lambda data: data[:len(data) // 2], lambda data: data[:12], lambda data: b"",
           lambda data: data[:-1], lambda data: bytes(255 - b for b in data),
           lambda data: data[:len(data) // 2] + bytes([data[len(data) // 2] ^ 1]) + data[len(data) // 2 + 1:]]
for n, damage in enumerate(damages):
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        # CPython trusts a pyc whose 16-byte header is intact, so it is only cut short there.
        with open(path, "wb") as f:
            f.write(data[:8] if path.endswith(".pyc") else damage(data))
    damaged = box.snapshot()
    result = box.run(*box.importing)
    now = box.snapshot()
    # Replaced: a new file (another inode) of the original size.
    rewritten = all(now[path][0] != damaged[path][0] and now[path][2] == files[path][2] for path in files)
    print("damaged", n, "same:", result == expected, "rewritten:", rewritten)
box.close()
