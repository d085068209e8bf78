def booh(self):
    raise AttributeError("booh")
class E:
    __eq__ = property(booh)
    __lt__ = property(booh)
a, b = E(), E()
print(a == b, a == a, a != b)
try:
    a < b
except TypeError as e:
    print("TypeError", e)
class R:
    def __eq__(self, other):
        raise ValueError("from __eq__")
try:
    R() == 1
except ValueError as e:
    print("ValueError", e)
