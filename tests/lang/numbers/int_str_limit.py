import sys
def show(f):
    try:
        r = f()
        print(type(r).__name__, r if len(str(r)) < 80 else len(str(r)))
    except Exception as e:
        print(type(e).__name__, e)

print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits, sys.int_info.default_max_str_digits,
      sys.int_info.str_digits_check_threshold)
show(lambda: len(str(10**4299)))
show(lambda: str(10**4300))
show(lambda: repr(-(10**4300)))
show(lambda: int("1" * 4300))
show(lambda: int("1" * 4301))
show(lambda: int("-" + "1" * 4301))
show(lambda: int("1" * 5000, 16) > 0)
show(lambda: hex(10**5000)[:10])
show(lambda: f"{10**5000:x}"[:10])
show(lambda: f"{10**5000}")
show(lambda: sys.set_int_max_str_digits(100))
show(lambda: sys.set_int_max_str_digits(-1))
sys.set_int_max_str_digits(640)
show(lambda: int("9" * 641))
show(lambda: str(10**640))
show(lambda: str(10**639))
sys.set_int_max_str_digits(0)
show(lambda: len(str(10**10000)))
show(lambda: int("7" * 10000) % 1000)
sys.set_int_max_str_digits(maxdigits=5000)
print(sys.get_int_max_str_digits())
show(lambda: len(str(10**4999)))
show(lambda: str(10**5000))
print(repr(2**200), str(-(2**150)), 2**64, -2**63)
