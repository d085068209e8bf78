# check: stderr
raise ExceptionGroup('several', [ValueError('one'), TypeError('two'), ExceptionGroup('inner', [KeyError('k')])])
