"""String building: f-strings, % formatting, += concatenation, join, methods."""


def work():
    total = 0
    for i in range(15000):
        parts = []
        line = ""
        for j in range(20):
            line += "x%d," % j
            parts.append(f"{i}:{j:03d}")
        text = "-".join(parts).upper() + line
        total += len(text) + text.count("0") + len(text.replace("-", "+").split(","))
    return total
