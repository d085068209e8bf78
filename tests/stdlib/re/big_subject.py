# Long subjects and deep backtracking: the engine keeps its stack in memory,
# not on the native stack.
import re

n = 100000
m = re.match("(a|b)*", "ab" * n)
print(m.span(), m.group(1))
m = re.match("(?:a|b)*c", "ab" * n + "c")
print(m.span())
m = re.match("(ab)*?c", "ab" * n + "c")
print(m.span(), m.group(1))
m = re.fullmatch("((a)|b)+", "ab" * n)
print(m.span(), m.groups())
print(re.match("(?:a|b)*+c", "ab" * n + "d"))
print(re.match("(?>(?:a|b)*)b", "ab" * n))
m = re.search(r"(\w+\s?)*$", "word " * 20000)
print(m.span())
print(len(re.findall(r"\w", "x" * 300000)), len(re.split(",", "a," * 100000)))
print(re.sub("a", "bb", "a" * 200000).count("b"))
m = re.match(r"(.)*x", "y" * 50000 + "x")
print(m.span(), m.group(1))
m = re.match(r"(?:(a)|(b))*", "ab" * 50000)
print(m.span(), m.groups(), m.lastindex)
print(re.search("x+y", "x" * 3000 + "z"), re.search("(x+x+)+y", "x" * 18))
m = re.match("(a*)*b", "a" * 1000 + "b")
print(m.span(), len(m.group(1)))
print(re.match(r"(?=(a+))*b", "aaab"))
