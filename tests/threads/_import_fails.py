# Helper for concurrent_imports.py: a module whose body raises after a delay.
import time
import _import_log
_import_log.runs.append(__name__)
time.sleep(0.03)
raise ValueError('broken module')
