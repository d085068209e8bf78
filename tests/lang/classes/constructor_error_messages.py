class C: pass
class D:
    def __new__(cls, *args, **kwargs):
        super().__new__(cls, *args, **kwargs)
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
class E:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
for f in [lambda: C(42), lambda: C.__new__(C, 42), lambda: C().__init__(42), lambda: object.__new__(C, 42),
          lambda: object.__init__(C(), 42), lambda: D(42), lambda: D.__new__(D, 42), lambda: object.__new__(D, 42),
          lambda: E(42), lambda: object.__init__(E(), 42), lambda: E().__init__(42), lambda: object(1), lambda: object().__init__(1)]:
    try:
        f()
        print("ok")
    except TypeError as e:
        print(e)
