import ast

class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node

class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []
    def visit_Name(self, node):
        self.names.append(node.id)
        self.generic_visit(node)

src = "x = 1\ny = x + 20\nprint(x, y, 'z')\nfor i in range(3):\n    print(i * 3)"
tree = ast.parse(src)
c = Counter()
c.visit(tree)
print(c.names)
new = Double().visit(tree)
ast.fix_missing_locations(new)
code = compile(new, "<ast>", "exec")
exec(code, {})

# build a tree by hand
body = [ast.Assign(targets=[ast.Name('a', ast.Store())], value=ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7))),
        ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Name('a', ast.Load())], []))]
mod = ast.Module(body, [])
ast.fix_missing_locations(mod)
exec(compile(mod, "<hand>", "exec"))
expr = ast.Expression(ast.BinOp(ast.Constant(2), ast.Pow(), ast.Constant(10)))
ast.fix_missing_locations(expr)
print(eval(compile(expr, "<e>", "eval")))

t = ast.parse("a = 1\nb = 2")
ast.increment_lineno(t, 5)
print([n.lineno for n in t.body], [n.end_lineno for n in t.body])

# remove a statement, insert others
class DropPass(ast.NodeTransformer):
    def visit_Pass(self, node):
        return None
    def visit_Expr(self, node):
        return [node, ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Constant('after')], []))]
t = ast.parse("pass\nprint('first')\npass")
t = DropPass().visit(t)
ast.fix_missing_locations(t)
exec(compile(t, "<drop>", "exec"))

# functions and classes from transformed trees
t = ast.parse("def f(a, b=2, *, c=3):\n    return a + b + c\nclass K:\n    def m(self): return 'm'\nprint(f(1), f(1, c=10), K().m())")
exec(compile(t, "<defs>", "exec"))
# the tree survives compile unchanged
print(ast.dump(t.body[0].args))
