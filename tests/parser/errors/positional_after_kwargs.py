f(**x, y)
