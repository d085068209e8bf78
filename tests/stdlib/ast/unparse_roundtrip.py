import ast

for path in ["/usr/lib/python3.11/textwrap.py", "/usr/lib/python3.11/ast.py", "/usr/lib/python3.11/dataclasses.py"]:
    with open(path, encoding="utf-8") as f:
        src = f.read()
    tree = ast.parse(src)
    text = ast.unparse(tree)
    again = ast.parse(text)
    print(path.rsplit('/', 1)[1], ast.dump(again) == ast.dump(tree), len(text.splitlines()))

for src in ["x = (yield)", "f(*a, **k)", "lambda: (yield)", "a if b else c", "f'{a!r:{b}}'",
            "match x:\n    case [1, *_] | {'a': 2}:\n        pass", "async def f():\n    await x",
            "del x[1:2]", "print(-(-1) ** 2)", "x: list[int] = []", "class A(B, metaclass=M): pass"]:
    print(ast.unparse(ast.parse(src)))

tree = ast.parse("def f(x):\n    '''Doc string.'''\n    return x")
print(ast.get_docstring(tree.body[0], clean=False))
print([type(n).__name__ for n in ast.walk(tree)])
for node in ast.walk(tree):
    if hasattr(node, 'lineno'):
        print(type(node).__name__, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
print(ast.get_source_segment("def f(x):\n    '''Doc string.'''\n    return x", tree.body[0].body[1]))
