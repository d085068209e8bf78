from . import SUB
import sys
def parent_names():
    return __name__, __package__, __spec__.name, __spec__.parent
