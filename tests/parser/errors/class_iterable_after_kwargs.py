class C(**kw, *a): pass
