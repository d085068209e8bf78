from . import circ_b
A = 'a'
def use_b():
    return circ_b.B
