# check: stderr
def a(x):
    return b(x) + 1
def b(x):
    return {'k': 1}[x]
print('before')
a('missing')
