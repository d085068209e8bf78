class A:
    def __getattr__(self, n):
        return self.missing_too
try:
    A().x
except RecursionError as e:
    print("RecursionError")
class B:
    def __repr__(self): return repr(self)
try:
    repr(B())
except RecursionError as e:
    print("RecursionError")
class C:
    def __eq__(self, o): return self == o
try:
    C() == 1
except RecursionError as e:
    print("RecursionError")
class D:
    def __len__(self): return len(self)
try:
    len(D())
except RecursionError as e:
    print("RecursionError")
class E:
    @property
    def p(self): return self.p
try:
    E().p
except RecursionError as e:
    print("RecursionError")
class F:
    def __add__(self, o): return self + o
try:
    F() + 1
except RecursionError as e:
    print("RecursionError")
class G:
    def __getattribute__(self, n): return getattr(self, n)
try:
    G().x
except RecursionError as e:
    print("RecursionError")
class H:
    def __init__(self): H()
try:
    H()
except RecursionError as e:
    print("RecursionError")
class I:
    def __hash__(self): return hash(self)
try:
    hash(I())
except RecursionError as e:
    print("RecursionError")
class J:
    def __iter__(self): return iter(self)
try:
    iter(J())
except RecursionError as e:
    print("RecursionError")
class K:
    def __bool__(self): return bool(self)
try:
    bool(K())
except RecursionError as e:
    print("RecursionError")
print("done")
