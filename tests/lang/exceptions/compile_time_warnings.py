# check: stderr
import warnings
def check(src):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            compile(src, "<test>", "exec")
        except SyntaxError as e:
            print("SyntaxError", e)
        for x in w:
            print(x.category.__name__, x.message, x.lineno)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(src, "<test>", "exec")
        except SyntaxError as e:
            print("SyntaxError", e.msg, e.lineno, e.offset)
for src in ["x is 1", "x is not 'a'", "1 is x", "x is None", "x is ()", "x is -1", "x is ...", "a == b is 2",
            "assert (x, 'msg')", "assert ()", "(1)()", "[1, 2](3)", "f'{x}'()", "{1}[0]", "[1, 2]['a']",
            "'abc'[1.5]", "(1, 2)[x]", "[1, 2][1:2]", "(lambda: 0)[0]", "None[0]", "x[0]", "1.5[0]", "{x: 1}()",
            "(x for x in y)()", "'abc'[...]"]:
    print("--", src)
    check(src)
x = 5
print(x is 5)
