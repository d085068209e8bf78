{1: 2, f(a if b)}
