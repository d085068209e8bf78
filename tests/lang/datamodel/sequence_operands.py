tests = [lambda: [1] * "a", lambda: "a" * 1.5, lambda: 1.5 * "a", lambda: (1,) * [], lambda: b"a" + 1, lambda: bytearray(b"a") + 1, lambda: "a" + 1, lambda: [] + (), lambda: () + [], lambda: b"a" * 1.5, lambda: "a" * "b", lambda: [1] + 1, lambda: 1 + [1], lambda: 1 * 1j + "a", lambda: {} + {}, lambda: {1} + {2}, lambda: bytearray() * 1.0, lambda: b"" + "s"]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print(e)
class Num:
    def __radd__(self, o): return "radd"
    def __rmul__(self, o): return "rmul"
for v in ["s", [1], (1,), b"b", bytearray(b"x")]:
    print(v + Num(), v * Num())
