x = 1
def a():
    global x
    x = 2
a(); print(x)

def b():
    y = 1
    def c():
        nonlocal y
        y = 2
        def d():
            nonlocal y
            y = 3
        d()
    c()
    return y
print(b())

def e():
    exec('z = 5')
    return 'z' in locals()
print(e())

def loc():
    a = 1; b = 2
    return sorted(locals().items())
print(loc())

ns = {}
exec("def f():\n    return g\ng = 7", ns)
print(ns['f']())

print(eval('x + 1'), eval('y', {'y': 3}), eval('y', {}, {'y': 4}))
def eval_locals():
    q = 9
    return eval('q')
print(eval_locals())

code = compile('1 + 2', '<s>', 'eval')
print(eval(code))
code = compile('r = 10\nprint(r)', '<s>', 'exec')
exec(code)
print(r)

class K:
    v = 1
    w = [v * i for i in range(3)] if False else 0
    def meth(self):
        return v if 'v' in globals() else 'no v'
print(K().meth())

def comp_scope():
    n = 2
    return [n * i for i in range(3)], {i: n for i in range(2)}, {n for _ in range(1)}
print(comp_scope())

print(__name__)
import builtins
print(builtins.len is len)
def shadow_builtin():
    len = lambda x: 'mine'
    return len([1, 2])
print(shadow_builtin(), len([1, 2]))
del x
try:
    x
except NameError as e:
    print(e)
globals()['dyn'] = 42
print(dyn)
