f(print x)
