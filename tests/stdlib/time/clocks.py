# Clocks, sleep and clock metadata.
import time


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for name in ('time', 'monotonic', 'perf_counter', 'process_time', 'thread_time'):
    f = getattr(time, name)
    fns = getattr(time, name + '_ns')
    a, b = f(), fns()
    print(name, type(a).__name__, type(b).__name__, abs(a - b / 1e9) < 1.0 if name != 'thread_time' else True)
    info = time.get_clock_info(name)
    print(' ', info.implementation, info.monotonic, info.adjustable, info.resolution > 0)

m1 = time.monotonic()
time.sleep(0.05)
m2 = time.monotonic()
print('slept', 0.04 < m2 - m1 < 1.0)
time.sleep(0)
time.sleep(1e-6)
n1 = time.monotonic_ns()
time.sleep(0.01)
print(time.monotonic_ns() - n1 >= 10_000_000)
print(time.time() > 1.6e9, time.time_ns() > 1.6e18)
print(abs(time.clock_gettime(time.CLOCK_REALTIME) - time.time()) < 1)
print(abs(time.clock_gettime_ns(time.CLOCK_MONOTONIC) / 1e9 - time.monotonic()) < 1)
print(time.clock_getres(time.CLOCK_MONOTONIC) > 0)
print(isinstance(time.pthread_getcpuclockid(__import__('threading').get_ident() if False else __import__('_thread').get_ident()), int))
for c in ('CLOCK_BOOTTIME', 'CLOCK_MONOTONIC', 'CLOCK_MONOTONIC_RAW', 'CLOCK_PROCESS_CPUTIME_ID',
          'CLOCK_REALTIME', 'CLOCK_TAI', 'CLOCK_THREAD_CPUTIME_ID'):
    print(c, getattr(time, c))
print(time._STRUCT_TM_ITEMS)

t(lambda: time.time(1))
t(lambda: time.time(a=1))
t(lambda: time.monotonic_ns(1))
t(lambda: time.sleep())
t(lambda: time.sleep('a'))
t(lambda: time.sleep(-1))
t(lambda: time.sleep(-0.5))
t(lambda: time.sleep(float('nan')))
t(lambda: time.sleep(1, 2))
t(lambda: time.get_clock_info())
t(lambda: time.get_clock_info(1))
t(lambda: time.get_clock_info('x'))
t(lambda: time.clock_gettime())
t(lambda: time.clock_gettime('a'))
t(lambda: time.clock_gettime(12345))
t(lambda: time.clock_getres(12345))
t(lambda: time.pthread_getcpuclockid())
t(lambda: time.tzset(1))
