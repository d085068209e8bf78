# Spectral norm of an infinite matrix: nested loops of small-function calls
# mixing int and float arithmetic.


def entry(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times(vector):
    n = len(vector)
    return [sum(entry(i, j) * vector[j] for j in range(n)) for i in range(n)]


def times_transposed(vector):
    n = len(vector)
    return [sum(entry(j, i) * vector[j] for j in range(n)) for i in range(n)]


def times_both(vector):
    return times_transposed(times(vector))


def spectral_norm(n):
    u = [1.0] * n
    for _ in range(10):
        v = times_both(u)
        u = times_both(v)
    vbv = vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return (vbv / vv) ** 0.5


print("%.9f" % spectral_norm(200))
