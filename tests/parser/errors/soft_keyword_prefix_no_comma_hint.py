f(r,c 0)
