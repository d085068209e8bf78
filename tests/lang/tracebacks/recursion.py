# check: stderr
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print('RecursionError', e)
def again(n):
    return again(n + 1) + 1
again(0)
