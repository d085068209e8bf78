# -*- coding: utf-8 -*-
x = 1  # comment
if x:  # comment after colon
    pass  # comment
# comment at column 0
      # indented comment
y = (1,  # comment inside parens
     2)
z = [
    1,   # one
    2,   # two
]
s = "hash # inside string"
t = x \
    + y
def f():
	return 1
def g():
        return 2
class A:
    def f(self):
        return [
    1,
        2,
  ]
é = 1
naïve = é
ﬁle = 2
ℌ = 3
Ω = 4
_privé = ﬁle
x = 1;
x = 1; y = 2
if x: y = 1; z = 2
