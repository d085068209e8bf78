import ast, warnings
warnings.simplefilter('ignore')
# Mutates fields of a parsed stdlib module at random (a fixed generator) and
# compiles it: every malformed tree must be rejected with CPython's error.
src = open('/usr/lib/python3.11/textwrap.py').read()
class R:
    def __init__(self, seed): self.s = seed * 2654435761 + 1
    def random(self):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) % 2**64
        return (self.s >> 11) / 2**53
    def choice(self, seq): return seq[int(self.random() * len(seq))]
rng = R(8)
replacements = [None, 1, 'x', [], [None], ast.Load(), ast.Store(), ast.Pass(), ast.Constant(1), ast.Name('y', ast.Store()),
                ast.Name('z', ast.Load()), ast.arguments(), ast.Starred(ast.Name('q', ast.Load()), ast.Load()), -1, 2**70, (1, [2])]
results = {}
for i in range(100):
    tree = ast.parse(src)
    nodes = list(ast.walk(tree))
    node = rng.choice(nodes)
    names = list(node._fields) + list(node._attributes)
    if not names: continue
    field = rng.choice(names)
    if rng.random() < 0.2:
        try: delattr(node, field)
        except AttributeError: pass
    else:
        setattr(node, field, rng.choice(replacements))
    try:
        code = compile(tree, 'f', 'exec')
        r = 'ok'
    except Exception as e:
        r = type(e).__name__
        print(i, type(node).__name__, field, r, str(e).split(' at 0x')[0])
    results[r] = results.get(r, 0) + 1
print(sorted(results.items()))
