# check: stderr
class Thing:
    def method(self, n):
        if n == 0:
            raise RuntimeError(f'bottom reached {n}')
        return self.method(n - 1)
    @property
    def prop(self):
        return self.method(2)
t = Thing()
result = [t.prop for _ in range(1)]
