x = f(a=1, from)
