import time
import _import_log
_import_log.runs.append(__name__)
time.sleep(0.03)
import _import_cycle_a
def name():
    return 'b+' + _import_cycle_a.NAME
NAME = 'b'
