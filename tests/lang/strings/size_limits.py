# Absurd widths, counts and precisions raise MemoryError / ValueError instead of allocating.
def show(label, f):
    try:
        r = f()
        print(label, len(r))
    except Exception as e:
        print(label, type(e).__name__, e)
show("ljust", lambda: "a".ljust(2**50))
show("center", lambda: "a".center(2**50))
show("zfill", lambda: "a".zfill(2**50))
show("format width", lambda: "{:1125899906842624}".format(1))
show("format str width", lambda: format("a", "1125899906842624"))
show("percent width", lambda: "%1125899906842624d" % 1)
show("float prec", lambda: format(1.5, ".1125899906842624f"))
show("percent prec", lambda: "%.1125899906842624f" % 1.5)
show("int prec", lambda: "%.1125899906842624d" % 1)
show("repeat", lambda: "ab" * 2**50)
show("join", lambda: "x".join(["a"] * 3))
