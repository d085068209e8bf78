# check: stderr
raise SystemExit('a message to stderr')
