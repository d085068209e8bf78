# Importing a submodule whose package's __init__ imports that same submodule
# (as importlib/__init__.py does with _bootstrap_external): it runs once.
import sys
import _selfimport.sub
print(_selfimport.sub.VALUE, sys.modules['_selfimport.sub'] is _selfimport.sub)
import importlib._bootstrap_external as ext
print(ext.__name__, 'importlib._bootstrap_external' in sys.modules)
