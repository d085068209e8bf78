with util.create(x) as ma
    pass
