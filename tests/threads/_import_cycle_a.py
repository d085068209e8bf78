# Helper for concurrent_imports.py: _import_cycle_a and _import_cycle_b import
# each other; threads starting at either end must not deadlock.
import time
import _import_log
_import_log.runs.append(__name__)
time.sleep(0.03)
import _import_cycle_b
def name():
    return 'a+' + _import_cycle_b.NAME
NAME = 'a'
