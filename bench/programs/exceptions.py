# Exceptions: raising and catching in loops, custom exception classes,
# try/finally, with-statement context managers, and exceptions crossing
# several Python frames.


class ParseError(ValueError):
    def __init__(self, position):
        super().__init__("bad input at %d" % position)
        self.position = position


class Guard:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log[0] += 1
        return self

    def __exit__(self, kind, value, tb):
        self.log[1] += 1
        return kind is KeyError


def parse(i):
    if i % 5 == 0:
        raise ParseError(i)
    return i


def deep(i, depth):
    if depth == 0:
        return parse(i)
    return deep(i, depth - 1)


def run(n):
    caught = 0
    positions = 0
    finals = 0
    log = [0, 0]
    for i in range(n):
        try:
            deep(i, 4)
        except ParseError as e:
            caught += 1
            positions += e.position
        finally:
            finals += 1
        with Guard(log):
            if i & 1:
                raise KeyError(i)
        try:
            {}[i]
        except LookupError:
            caught += 1
    return caught, positions, finals, log


print(run(150000))
