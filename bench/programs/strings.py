# String building: join, += concatenation, f-strings, %-formatting, and common
# str methods (split, replace, upper, find, startswith, strip).


def build(n):
    parts = []
    s = ""
    total = 0
    for i in range(n):
        word = f"item{i}:{i * 3 % 17}"
        parts.append(word)
        if i % 10 == 0:
            s += word.upper()
        line = "  %s=%d;  " % (word, i)
        total += len(line.strip())
        if word.startswith("item1"):
            total += 1
        total += word.find(":")
    joined = ",".join(parts)
    pieces = joined.split(",")
    replaced = joined.replace("item", "it")
    return len(joined), len(pieces), len(replaced), len(s), total, s[-20:]


for _ in range(7):
    result = build(60000)
print(result)
