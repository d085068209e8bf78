# A real program nobody here wrote: pyflakes (Debian python3-pyflakes) checking
# a snippet full of mistakes and three standard library modules.
import sys
sys.path.append('/usr/lib/python3/dist-packages')
from pyflakes.api import check
from pyflakes.reporter import Reporter
import io
src = '''
import os, sys
from collections import *
def f(x):
    y = 1
    return z + x
class C:
    def m(self):
        import json
        print(undefined_name)
def g():
    f"{1}"
    x = 1
    del x
    del x
'''
out, err = io.StringIO(), io.StringIO()
n = check(src, 'demo.py', Reporter(out, err))
print(n); print(out.getvalue()); print(err.getvalue())
for name in ('textwrap', 'difflib', 'argparse'):
    out = io.StringIO()
    n = check(open(f'/usr/lib/python3.11/{name}.py').read(), name + '.py', Reporter(out, out))
    print(name, n, out.getvalue()[:300])
