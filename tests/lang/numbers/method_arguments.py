for f in [lambda: (1).conjugate(1), lambda: (1).__trunc__(1), lambda: (1).__ceil__(x=1), lambda: (1.5).hex(1), lambda: (1j).conjugate(2), lambda: (1.5).is_integer(3), lambda: (5).__round__(1,2), lambda: (1.5).__round__(1,2), lambda: float.fromhex(), lambda: (1).__format__(), lambda: (1.5).__format__(1), lambda: (1.5).__floor__(1), lambda: (2).as_integer_ratio(1)]:
    try: print(f())
    except TypeError as e: print(e)
print((1).conjugate(), (1).__trunc__(), (1).__floor__(), (1).__ceil__(), (1.5).hex(), (1j).conjugate(), (2.5).__floor__(), (2.5).__ceil__(), (2.5).__trunc__())
