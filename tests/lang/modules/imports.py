import sys
import _pkg
print(_pkg.VALUE, _pkg.helper_value, _pkg.sub.SUB)
print(_pkg.__name__, _pkg.__package__, _pkg.__file__.endswith('_pkg/__init__.py'), _pkg.__path__[0].endswith('_pkg'))
import _pkg.helper as hh
print(hh is sys.modules['_pkg.helper'], hh.who())
from _pkg.sub.mod import parent_names
print(parent_names())
from _pkg import *
print(VALUE, helper_value)
import _pkg.circ_a
print(_pkg.circ_a.use_b(), _pkg.circ_b.use_a())
import _nspkg.inner.mod
print(_nspkg.inner.mod.X, _nspkg.__path__ is not None, getattr(_nspkg, '__file__', None))
try:
    import _broken
except ValueError as e:
    print('import failed:', e)
print('_broken' in sys.modules)
try:
    import _does_not_exist
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    from _pkg import nothing_here
except ImportError as e:
    print(e)
try:
    from _pkg.helper import missing
except ImportError as e:
    print(e)
try:
    import _pkg.nope
except ModuleNotFoundError as e:
    print(e)
import _mainguard
mod = __import__('_pkg.helper')
print(mod.__name__)

m = __import__('_pkg.helper', fromlist=['who'])
print(m.__name__)
print(__name__, __file__.endswith('imports.py'))
print(type(sys.modules['__main__']).__name__, sys.modules['__main__'].__name__)
def relative_outside_package():
    try:
        exec('from . import x', {'__name__': 'toplevel', '__package__': ''})
    except ImportError as e:
        print(e)
relative_outside_package()
sys.modules['fake_mod'] = 'not a module object'
import fake_mod
print(fake_mod)
print(sys.path[0] == __file__.rsplit('/', 1)[0])
import builtins
print(builtins.__name__, type(builtins).__name__)
