line = input()
print('got', repr(line))
print(input('prompt> '))
import sys
print(repr(sys.stdin.readline()))
print(sys.stdin.read().split())
try:
    input()
except EOFError as e:
    print('EOFError', e)
