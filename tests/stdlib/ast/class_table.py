# Every class of _ast: hierarchy, fields, attributes, docs and class-level defaults.
import _ast, weakref

for name in sorted(n for n in dir(_ast) if not n.startswith('__')):
    obj = getattr(_ast, name)
    if not isinstance(obj, type):
        print(name, obj)
        continue
    defaults = sorted(k for k, v in vars(obj).items() if v is None)
    print(name, [c.__name__ for c in obj.__mro__], obj._fields, obj._attributes,
          getattr(obj, '__match_args__', '-'), defaults, obj.__module__)
    print(' ', repr(obj.__doc__))

n = _ast.Name('x', _ast.Load())
r = weakref.ref(n)
print(r() is n)
try:
    _ast.AST(1)
except TypeError as e:
    print(e)
print(_ast.AST(foo=1).foo)
tree = compile("x", "<s>", "eval", _ast.PyCF_ONLY_AST)
print(compile(tree, "<s>", "eval", _ast.PyCF_ONLY_AST) is tree)
class Sub(_ast.Module):
    pass
code = compile(Sub([_ast.Expr(_ast.Constant(5, lineno=1, col_offset=0), lineno=1, col_offset=0)], []), "<sub>", "exec")
print(type(code).__name__)
