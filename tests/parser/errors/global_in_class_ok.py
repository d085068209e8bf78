class A:
    global x
    x += 1
    y := 2
