# Real programs nobody here wrote: pyparsing (an infix grammar with parse
# actions) and toml (Debian python3-pyparsing, python3-toml).
import sys
sys.path.append('/usr/lib/python3/dist-packages')
import pyparsing as pp
integer = pp.Word(pp.nums).setParseAction(lambda t: int(t[0]))
ident = pp.Word(pp.alphas + "_", pp.alphanums + "_")
expr = pp.infixNotation(integer | ident, [(pp.oneOf("* /"), 2, pp.opAssoc.LEFT), (pp.oneOf("+ -"), 2, pp.opAssoc.LEFT)])
for s in ["1 + 2 * 3", "(a + b) * (c - 4) / 2", "x"]:
    print(expr.parseString(s).asList())
import toml
t = toml.loads('title = "x"\n[owner]\nname = "T"\ndob = 1979-05-27T07:32:00Z\n[db]\nports = [8001, 8001, 8002]\n')
print(t['title'], t['owner']['name'], t['owner']['dob'].isoformat(), t['db'])
print(toml.dumps(t))
