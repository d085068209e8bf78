import sys
try:
    sys.exit()
except SystemExit as e:
    print('code', e.code)
try:
    sys.exit(None)
except SystemExit as e:
    print('code', e.code)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print('code', e.code)
sys.exit(True)
