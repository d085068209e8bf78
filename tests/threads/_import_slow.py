# Helper for concurrent_imports.py: a module whose body takes a while, so that
# other threads import it while it is still initialising.
import time
import _import_log
_import_log.runs.append(__name__)
time.sleep(0.05)
VALUE = 42
def double(x):
    return 2 * x
