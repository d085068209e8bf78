import ast

for s in ["1", "-1.5", "1+2j", "'abc'", "b'x'", "[1, (2, 3), {4: 5}]", "{1, 2}", "set()", "None",
          "True", "-(1)", "+3", "(1,)", "{'a': [1, {'b': None}]}", "  12", "1_000", "0x10", "3-4j", "..."]:
    try:
        print(repr(ast.literal_eval(s)))
    except Exception as e:
        print(type(e).__name__, e)

for s in ["x", "1 + x", "f()", "[i for i in y]", "1 +", "a.b", "{**a}", "2 ** 3", "'a' + 'b'"]:
    try:
        print(repr(ast.literal_eval(s)))
    except Exception as e:
        print(type(e).__name__, str(e).split(' at 0x')[0])

print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.Constant(7)))
