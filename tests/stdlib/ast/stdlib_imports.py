# unittest is left out until _signal exists.
import ast, dataclasses, inspect, pprint

@dataclasses.dataclass
class P:
    x: int
    y: int = 2
print(P(1))
pprint.pprint({'a': [1, 2, {'b': 3}]})
def f(a, b=1, *c, d, **e): pass
print(inspect.signature(f))
print(inspect.getsource(f).strip())
src = "def g():\n    '''\n    Indented\n      doc.\n    '''\n"
print(ast.get_docstring(ast.parse(src).body[0]))
