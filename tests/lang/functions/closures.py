def make_counter():
    count = 0
    def inc(by=1):
        nonlocal count
        count += by
        return count
    return inc

c = make_counter()
print(c(), c(), c(5))
print(c.__code__.co_freevars, c.__closure__[0].cell_contents)

def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    x = 2
    return mid()()
print(outer())

fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])

def shadow():
    x = 'outer'
    def f():
        x = 'inner'
        return x
    return f(), x
print(shadow())

g = 10
def use_global():
    global g
    g += 1
    return g
print(use_global(), g)

def unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    y = 1
unbound()

def free_unbound():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    z = 3
    return inner()
print(free_unbound())

def cell_del():
    v = 1
    def f(): return v
    del v
    try:
        f()
    except NameError as e:
        print(e)
cell_del()

class A:
    x = 5
    def m(self):
        return x if False else A.x
    y = [x for _ in range(2)] if False else None
    z = (lambda: 1)()
print(A().m(), A.y, A.z)

def class_scope():
    x = 'func'
    class B:
        x = 'class'
        def get(self):
            return x
        got = x
    return B().get(), B.got
print(class_scope())

def nested_nonlocal():
    a = 0
    def f():
        def g():
            nonlocal a
            a += 10
        g()
        return a
    return f()
print(nested_nonlocal())

def gen_closure():
    n = 3
    return (n * i for i in range(n))
print(list(gen_closure()))

x = 'module'
def read_global_after_local_assign_in_class():
    class C:
        print(x)
        x = 'c'
        print(x)
read_global_after_local_assign_in_class()

def counter_factory():
    counters = []
    for i in range(3):
        def f(i=i):
            return i * 2
        counters.append(f)
    return [f() for f in counters]
print(counter_factory())
print(make_counter.__name__, make_counter.__qualname__, c.__qualname__)
