for j@ in range(3):
    pass
