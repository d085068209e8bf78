# check: stderr
def gen():
    yield 1
    raise OSError(2, 'No such file or directory', 'name.txt')
for x in gen():
    print(x)
