for name in ["__eq__", "__lt__", "__len__", "__getitem__", "__neg__", "__bool__", "__repr__", "__call__", "__contains__", "__iter__", "__reversed__", "__hash__", "__index__", "__int__", "__float__", "__enter__", "__format__", "__setitem__", "__add__", "__radd__", "__iadd__"]:
    C = type("C", (), {name: None})
    c = C()
    exprs = {"__eq__": "c == 1", "__lt__": "c < 1", "__len__": "len(c)", "__getitem__": "c[0]", "__neg__": "-c",
             "__bool__": "bool(c)", "__repr__": "repr(c)", "__call__": "c()", "__contains__": "1 in c",
             "__iter__": "iter(c)", "__reversed__": "reversed(c)", "__hash__": "hash(c)", "__index__": "[1][c]",
             "__int__": "int(c)", "__float__": "float(c)", "__enter__": "exec('with c: pass')", "__format__": "format(c)",
             "__setitem__": "c.__setitem__(0, 1) if False else c.__class__.__setitem__", "__add__": "c + 1", "__radd__": "1 + c", "__iadd__": "exec('c += 1', {'c': c})"}
    try:
        r = eval(exprs[name])
        print(name, "->", r if name not in ("__repr__",) else "ok")
    except Exception as e:
        print(name, type(e).__name__, e)
