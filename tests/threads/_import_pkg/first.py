import time
import _import_log
_import_log.runs.append(__name__)
time.sleep(0.02)
NAME = 'first'
