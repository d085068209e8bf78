# Pseudo-random texts and needles over small alphabets of every width:
# find/rfind/count/split/replace/partition agree with CPython.
seed = 12345
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n

alphabets = ["ab", "abc", "aé", "a\u1234b", "x😀", "é\u1234😀", "a"]
total = 0
lines = 0
for alpha in alphabets:
    for trial in range(60):
        text = "".join(alpha[rand(len(alpha))] for _ in range(rand(120)))
        for k in range(6):
            m = 1 + rand(7)
            if text and rand(2):
                start = rand(len(text))
                needle = text[start:start + m]
            else:
                needle = "".join(alpha[rand(len(alpha))] for _ in range(m))
            a, b = rand(len(text) + 3) - 1, rand(len(text) + 3) - 1
            results = [text.find(needle), text.rfind(needle), text.count(needle), text.find(needle, a, b),
                       text.rfind(needle, a, b), text.count(needle, a, b), len(text.split(needle)),
                       len(text.rsplit(needle, 2)), len(text.replace(needle, "#")), text.partition(needle)[0],
                       text.rpartition(needle)[2], needle in text, text.startswith(needle, a), text.endswith(needle, 0, b)]
            for r in results:
                total = (total * 31 + len(str(r)) + sum(map(ord, str(r)))) % 1000000007
            lines += 1
print(lines, total)
# Periodic and adversarial patterns.
for unit in ["ab", "aab", "abcab", "\u1234\u1235", "😀a"]:
    text = unit * 300 + unit[:-1] + "Z" + unit * 300
    for needle in [unit * 5 + "Z", unit[:-1] + "Z" + unit, (unit * 3)[1:], "Z" + unit * 4, unit * 301]:
        print(len(needle), text.find(needle), text.rfind(needle), text.count(needle), len(text.split(needle)),
              len(text.replace(needle, "")))
