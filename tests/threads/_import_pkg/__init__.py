# Helper package for concurrent_imports.py: its body imports a submodule.
import time
import _import_log
_import_log.runs.append(__name__)
from . import first
time.sleep(0.03)
READY = True
