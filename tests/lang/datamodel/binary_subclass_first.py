log = []
class Base:
    def __add__(self, o):
        log.append("Base.__add__")
        return "base"
    def __radd__(self, o):
        log.append("Base.__radd__")
        return "rbase"
    def __lt__(self, o):
        log.append("Base.__lt__")
        return "base-lt"
    def __gt__(self, o):
        log.append("Base.__gt__")
        return "base-gt"

class Sub(Base):
    def __radd__(self, o):
        log.append("Sub.__radd__")
        return "rsub"
    def __gt__(self, o):
        log.append("Sub.__gt__")
        return "sub-gt"

print(Base() + Sub(), log); log.clear()
print(Sub() + Base(), log); log.clear()

# subclass that does not override the reflected method: left first
class Sub2(Base):
    pass
print(Base() + Sub2(), log); log.clear()

# comparisons: reflected of subclass first
print(Base() < Sub(), log); log.clear()
print(Base() < Sub2(), log); log.clear()

# subclass reflected returns NotImplemented -> falls back to left
class Sub3(Base):
    def __radd__(self, o):
        log.append("Sub3.__radd__")
        return NotImplemented
print(Base() + Sub3(), log); log.clear()

# int subclass with __radd__
class MyInt(int):
    def __radd__(self, o):
        return "MyInt.__radd__"
    def __rsub__(self, o):
        return "MyInt.__rsub__"
print(1 + MyInt(2), 1 - MyInt(2), MyInt(2) + 1, MyInt(2) - 1)

class MyFloat(float):
    def __rmul__(self, o):
        return "MyFloat.__rmul__"
print(2.0 * MyFloat(3), 2 * MyFloat(3), MyFloat(3) * 2)

# subclass of str with __radd__
class MyStr(str):
    def __radd__(self, o):
        return "MyStr.__radd__"
print("a" + MyStr("b"))
