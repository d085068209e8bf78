# check: stderr
try:
    {}['a']
except KeyError:
    raise TypeError('no context shown') from None
