# check: stderr
# An uncaught KeyboardInterrupt prints its traceback and ends the process by SIGINT.
print("before")
raise KeyboardInterrupt
