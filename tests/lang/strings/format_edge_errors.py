import sys
for f in ["%.*d", b"%.*d", bytearray(b"%.*d"), "%*d", b"%*d"]:
    try:
        r = f % (sys.maxsize, 1)
        print(len(r))
    except Exception as e:
        print(type(e).__name__, e)
for spec in [',,', ',_', '_,', '__']:
    try:
        format(1, spec)
    except ValueError as e:
        print(spec, e)
