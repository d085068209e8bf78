# check: stderr
import sys
class A:
    bluch = 1
def f():
    blech = 1
    return blach
for thunk in (lambda: A().blech, lambda: f(), lambda: zerodivisionerror, lambda: sys.exitt):
    try:
        thunk()
    except Exception:
        sys.__excepthook__(*sys.exc_info())
print(A().blach)
