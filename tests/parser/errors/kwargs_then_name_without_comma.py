def f(self, *args, **kw    args): pass
