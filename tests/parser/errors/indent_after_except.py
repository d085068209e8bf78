try:
    x
except:
pass
