import ast, _ast, copy

print(ast.AST._fields, ast.AST._attributes)
print(ast.BinOp._fields, ast.BinOp.__match_args__, ast.expr._attributes)
print(ast.BinOp.__doc__)
print(ast.Return.value, ast.expr.end_lineno, ast.arg.end_col_offset)
print(hasattr(ast.Module, 'body'))
print([c.__name__ for c in ast.BinOp.__mro__])
print([c.__name__ for c in ast.Load.__mro__], [c.__name__ for c in ast.comprehension.__mro__])
print(ast.Name.__module__, repr(ast.Name))
print(issubclass(ast.ExceptHandler, ast.excepthandler), issubclass(ast.MatchAs, ast.pattern))
print(issubclass(ast.TypeIgnore, ast.type_ignore), issubclass(ast.Add, ast.operator))
print(sorted(n for n in dir(_ast) if not n.startswith('__')) == sorted(n for n in dir(_ast) if not n.startswith('__')))
print(len([n for n in dir(_ast) if not n.startswith('__')]))

n = ast.Name('x', ast.Load(), lineno=1)
print(n.id, type(n.ctx).__name__, n.lineno)
n2 = ast.BinOp(left=ast.Constant(1), op=ast.Add(), right=ast.Constant(2))
print(ast.dump(n2))
for args, kw in [((1, 2, 3), {}), ((1,), {'id': 2}), ((), {'foo': 1})]:
    try:
        r = ast.Name(*args, **kw)
        print('ok', r.__dict__)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    ast.Pass(1)
except TypeError as e:
    print(e)
try:
    ast.Constant(1, 2, 3)
except TypeError as e:
    print(e)
try:
    ast.Module().body
except AttributeError as e:
    print('AttributeError')

t = ast.parse("x = [1, 2]")
r = t.__reduce__(); t2 = r[0](*r[1]); t2.__dict__.update(r[2])
print(ast.dump(t2, include_attributes=True) == ast.dump(t, include_attributes=True))
t3 = copy.deepcopy(t)
print(ast.dump(t3) == ast.dump(t))
print(ast.Load().__reduce__()[0].__name__)

# singletons produced by the parser
a = ast.parse("x; y")
print(a.body[0].value.ctx is a.body[1].value.ctx)

# match on nodes
def describe(node):
    match node:
        case ast.BinOp(ast.Constant(value=l), ast.Add(), ast.Constant(value=r)):
            return f"add {l} {r}"
        case ast.Name(id=name):
            return f"name {name}"
        case ast.Call(func=ast.Name(id=f), args=[*args]):
            return f"call {f} with {len(args)}"
        case _:
            return type(node).__name__
for src in ["1 + 2", "x", "f(1, 2)", "a.b"]:
    print(describe(ast.parse(src, mode="eval").body))

class MyNode(ast.AST):
    _fields = ('a', 'b')
m = MyNode(1, b=2)
print(m.a, m.b, MyNode._attributes)
