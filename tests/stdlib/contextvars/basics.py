import contextvars
from contextvars import ContextVar, Context, Token, copy_context

v = ContextVar("v", default=10)
w = ContextVar("w")
print(v.name, w.name, v.get(), w.get("dflt"), v.get(5))
try:
    w.get()
except LookupError as e:
    print("LookupError", e.args[0] is w)

t = v.set(1)
print(v.get(), t.var is v, t.old_value is Token.MISSING, Token.MISSING)
t2 = v.set(2)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
v.reset(t)
print(v.get())
try:
    v.reset(t)
except RuntimeError as e:
    print("RuntimeError", "has already been used once" in str(e))
t3 = w.set("x")
try:
    v.reset(t3)
except ValueError as e:
    print("ValueError", "was created by a different ContextVar" in str(e))
try:
    v.reset(5)
except TypeError as e:
    print("TypeError", e)

ctx = copy_context()
print(w in ctx, v in ctx, ctx[w], ctx.get(v), ctx.get(v, "d"), len(ctx))
print(list(ctx.keys()) == [w], list(ctx.values()), [(k.name, x) for k, x in ctx.items()], [k.name for k in ctx])
try:
    ctx[v]
except KeyError as e:
    print("KeyError", e.args[0] is v)
try:
    ctx["nope"]
except TypeError as e:
    print("TypeError", e)

def work(a, b=0):
    v.set(a + b)
    w.set("inner")
    return v.get(), w.get()

print(ctx.run(work, 3, b=4))
print(v.get(), w.get(), ctx[v], ctx[w])
print(ctx.copy() == ctx, Context() == Context(), ctx == Context(), len(Context()))
try:
    ctx.run(lambda: ctx.run(print))
except RuntimeError as e:
    print("RuntimeError", "is already entered" in str(e))
try:
    ctx.run()
except TypeError as e:
    print("TypeError", e)

# Tokens from another context cannot reset here.
tok = ctx.run(v.set, 99)
try:
    v.reset(tok)
except ValueError as e:
    print("ValueError", "was created in a different Context" in str(e))

def nested():
    t = v.set("n")
    inner = copy_context()
    v.reset(t)
    return inner[v], v.get()
print(Context().run(nested))

print(ContextVar[int], Token[str])
print(repr(v).startswith("<ContextVar name='v' default=10 at "), repr(w).startswith("<ContextVar name='w' at "))
print(repr(tok).startswith("<Token var=<ContextVar name='v'"))
for bad in (lambda: Context(1), lambda: Token(), lambda: ContextVar(), lambda: ContextVar(1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
try:
    hash(ctx)
except TypeError as e:
    print("TypeError unhashable")
try:
    class Sub(ContextVar):
        pass
except TypeError as e:
    print("TypeError not subclassable")
print(type(ctx).__name__, type(ctx).__module__, isinstance(hash(v), int))
