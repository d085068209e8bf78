import sys
print(sys.get_coroutine_origin_tracking_depth())
async def c(): pass
def make(): return c()
sys.set_coroutine_origin_tracking_depth(2)
co = make()
print([(f.rsplit("/", 1)[-1], l, n) for f, l, n in co.cr_origin])
co.close()
sys.set_coroutine_origin_tracking_depth(0)
co = c(); print(co.cr_origin); co.close()
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print(e)
