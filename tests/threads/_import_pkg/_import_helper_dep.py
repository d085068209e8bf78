import _import_log
_import_log.runs.append(__name__)
DEP = 'dep'
