# check: stderr
print('never printed')
x = (1 +
def
