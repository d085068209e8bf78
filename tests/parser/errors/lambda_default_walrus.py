f = lambda x=(y := 1): x
g = lambda x=y := 1: x
