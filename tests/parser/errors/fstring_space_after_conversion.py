x = f"{  a!r  }"
