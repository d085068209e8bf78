import itertools
for cls, args in [(filter, (None, [0, 1])), (map, (str, [1])), (itertools.chain, ([1],)), (itertools.islice, ([1, 2], 1)),
                  (reversed, ((1, 2),)), (float, (1.5,)), (tuple, ([1],)), (itertools.cycle, ([1],))]:
    class sub(cls):
        pass
    try:
        sub(*args, newarg=3)
        print(cls.__name__, "accepted")
    except TypeError as e:
        print(cls.__name__, e)
    class sub_init(cls):
        def __init__(self, *args, newarg=None):
            self.newarg = newarg
    u = sub_init(*args, newarg=3)
    print(cls.__name__, u.newarg)
