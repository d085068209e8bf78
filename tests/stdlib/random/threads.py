# A Random shared by threads: every draw consumes the generator exactly once.
import random
import threading

shared = random.Random(1)
draws = []

def work():
    local = [shared.random() for _ in range(2000)]
    local += [shared.getrandbits(70) for _ in range(500)]
    draws.append(local)

threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()

reference = random.Random(1)
expected_words = 4 * (2000 * 2 + 500 * 3)
for _ in range(expected_words):
    reference.getrandbits(32)
print(shared.getstate() == reference.getstate())
print(sum(len(d) for d in draws), all(0 <= x < 1 for d in draws for x in d[:2000]))
