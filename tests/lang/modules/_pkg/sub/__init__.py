from ..helper import who
from .. import helper as h
SUB = who() + '/' + h.__name__
