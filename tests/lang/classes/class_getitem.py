class A:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)

print(A[int])
print(A[1, 2])
print(type(A.__dict__["__class_getitem__"]).__name__)

class B(A):
    pass
print(B["x"])

try:
    A()[0]
except TypeError as e:
    print(type(e).__name__, e)

class C:
    pass
try:
    C[int]
except TypeError as e:
    print(type(e).__name__, e)

# metaclass __getitem__ takes precedence
class M(type):
    def __getitem__(cls, item):
        return "meta " + str(item)
class D(metaclass=M):
    def __class_getitem__(cls, item):
        return "cgi"
print(D[5])

print(list[int], dict[str, int], tuple[int, ...])
print(type(list[int]).__name__)
