from . import sub
print("init done", sub.VALUE)
