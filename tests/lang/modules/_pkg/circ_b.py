from . import circ_a
B = 'b'
def use_a():
    return circ_a.A
