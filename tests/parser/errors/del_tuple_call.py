del (x, f())
