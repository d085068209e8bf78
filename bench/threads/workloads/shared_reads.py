"""Reads of a dict and a list that every thread shares and no thread changes."""

SHARED_DICT = {"key%d" % i: i * 3 for i in range(1000)}
SHARED_LIST = [i * 7 % 1001 for i in range(1000)]
KEYS = tuple(SHARED_DICT)


def work():
    table = SHARED_DICT
    items = SHARED_LIST
    keys = KEYS
    total = 0
    for round_ in range(2700):
        for i in range(1000):
            total += table[keys[i]] + items[i] + items[-1 - i]
        total += len(table) + (round_ in table)
    return total
