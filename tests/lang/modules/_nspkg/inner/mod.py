X = 'namespace package module'
