print('pkg init', __name__, __package__)
from .helper import helper_value
from . import sub
VALUE = 'pkg-value'
__all__ = ['VALUE', 'helper_value']
