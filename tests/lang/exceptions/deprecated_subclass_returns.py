# check: stderr
import warnings, math, operator
warnings.simplefilter("always")
class F(float): pass
class I(int): pass
class A:
    def __int__(self): return I(3)
    def __index__(self): return True
    def __float__(self): return F(2.5)
print(float(F(1.5)), int(I(2)), math.floor(F(1.5)), operator.index(I(4)))
print(int(A()))
print(operator.index(A()))
print(float(A()))
print(math.sqrt(A()))
print([1,2,3][A()])
