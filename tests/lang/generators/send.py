def echo():
    received = None
    while True:
        received = yield received
        if received == "stop":
            return "done"

g = echo()
print(next(g), g.send(1), g.send("x"))
try:
    g.send("stop")
except StopIteration as e:
    print("returned", e.value)

def inner():
    x = yield 1
    y = yield x
    return x + y
def outer():
    r = yield from inner()
    yield r
o = outer()
print(next(o), o.send(10), o.send(20))

def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("closing")
w = with_finally()
print(next(w))
w.close()
def thrower():
    try:
        yield 1
    except ValueError as e:
        yield f"caught {e}"
t = thrower()
next(t)
print(t.throw(ValueError("boom")))
print(list(x * 2 for x in range(4)))
