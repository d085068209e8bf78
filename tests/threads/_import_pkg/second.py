import time
import _import_log
_import_log.runs.append(__name__)
from ._import_helper_dep import DEP
time.sleep(0.02)
NAME = 'second'
