import ast

SNIPPETS = [
    "x = 1 + 2 * 3",
    "a, *b = c[1:2, ::3]",
    "del a.b, c[0]",
    "x += 1; y //= 2; z @= w",
    "def f(a, /, b=1, *c, d, e=2, **f) -> int:\n    'doc'\n    return a",
    "async def g():\n    async for x in y:\n        await z\n    async with a as b, c:\n        pass",
    "class C(B, metaclass=M):\n    x: int = 3\n    y: 'str'",
    "@dec\n@dec2(1)\ndef h(): yield; yield from x",
    "lambda x, *y, z=1: (x, y, z)",
    "[i for i in range(3) if i if not i]",
    "{k: v for k, v in d.items()}",
    "{a for b in c for a in b}",
    "(x async for x in y)",
    "f(a, *b, c=1, **d)",
    "f'{x!r:>{w}} and {y}'",
    "b'bytes' if u'unicode' else ...",
    "a < b <= c is not d not in e",
    "not a and b or c",
    "~a | b ^ c & d << e >> f ** -g",
    "(y := 10)",
    "global a, b\nnonlocal c",
    "import a.b as c, d\nfrom ..e import f as g, h\nfrom . import *",
    "try:\n    pass\nexcept E as e:\n    raise X from e\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass",
    "try:\n    pass\nexcept* ValueError:\n    pass",
    "while x:\n    break\nelse:\n    continue",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    assert x, 'msg'",
    "with open(f) as (a, b):\n    pass",
    "match p:\n    case 1 | 2:\n        pass\n    case [x, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x=0, y=y) as pt if y > 0:\n        pass\n    case None:\n        pass\n    case -1+2j:\n        pass\n    case a.b:\n        pass\n    case _:\n        pass",
    "x = {1: 2, **y}\ny = {1, 2}\nz = []\nw = ()",
    "print(1.5, 2j, 10**100, True, None)",
    "a[b:c]\na[...]\na[1:2:3]",
    "'é' + \"ü\" + x",
]

for src in SNIPPETS:
    tree = ast.parse(src)
    print(ast.dump(tree, include_attributes=True))
    print(ast.dump(tree, indent=2)[:200])

print(ast.dump(ast.parse("1 + x", mode="eval")))
print(ast.dump(ast.parse("x = 1", mode="single")))
print(ast.dump(ast.parse("(int, str) -> bool", mode="func_type")))
print(ast.dump(ast.parse("x = 1  # type: int", type_comments=True)))
t = compile("a + 1", "<s>", "eval", ast.PyCF_ONLY_AST)
print(type(t).__name__, ast.dump(t))
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
