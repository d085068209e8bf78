"""Reads (and a few writes) of attributes of one threading.local object from every thread."""

import threading

STATE = threading.local()


def work():
    STATE.base = 3
    STATE.count = 0
    total = 0
    for i in range(2400000):
        total += STATE.base + (i & 7)
        if i & 255 == 0:
            STATE.count += 1
    return total + STATE.count
