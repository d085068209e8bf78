# decimal keeps its context in a ContextVar: each thread has its own precision.
import decimal
import threading
from decimal import Decimal

results = {}

def work(prec):
    decimal.getcontext().prec = prec
    for _ in range(50):
        value = Decimal(1) / Decimal(7)
    results[prec] = str(value)

threads = [threading.Thread(target=work, args=(p,)) for p in (3, 5, 8, 12, 20)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
print(decimal.getcontext().prec, Decimal(1) / Decimal(7))
