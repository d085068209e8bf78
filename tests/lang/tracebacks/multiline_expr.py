# check: stderr
def compute(a, b):
    return (a
            + b)
x = compute(1,
            'two')
