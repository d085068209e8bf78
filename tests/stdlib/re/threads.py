# One compiled pattern (and one finditer scanner) used by many threads at once.
import re
import _thread

def run_all(target, args_list):
    # _thread directly keeps this test independent of the threading module.
    all_done = _thread.allocate_lock()
    guard = _thread.allocate_lock()
    remaining = [len(args_list)]
    all_done.acquire()
    def run(*args):
        try:
            target(*args)
        finally:
            with guard:
                remaining[0] -= 1
                if remaining[0] == 0:
                    all_done.release()
    for args in args_list:
        _thread.start_new_thread(run, args)
    all_done.acquire()

p = re.compile(r"(?P<key>\w+)=(?P<val>\d+)(?:,|$)")
text = ",".join("k%d=%d" % (i, i * i) for i in range(300))
expected = p.findall(text)
errors = []

def worker(seed):
    try:
        for _ in range(20):
            if p.findall(text) != expected:
                errors.append("findall")
            m = p.search(text, seed)
            if m is None or m.start() < seed:
                errors.append("search")
            if p.sub(r"\g<val>=\g<key>", text).count("=") != 300:
                errors.append("sub")
            if len(p.split(text)) != 300 * 3 + 1:
                errors.append("split")
    except Exception as e:
        errors.append(repr(e))

run_all(worker, [(i * 7,) for i in range(8)])
print("errors:", errors)

# A shared finditer: every match is handed out exactly once.
it = re.compile(r"\d+").finditer(" ".join(str(i) for i in range(5000)))
seen = []
lock = _thread.allocate_lock()

def consume():
    local = [int(m.group()) for m in it]
    with lock:
        seen.extend(local)

run_all(consume, [()] * 4)
print(len(seen), sorted(seen) == list(range(5000)))
