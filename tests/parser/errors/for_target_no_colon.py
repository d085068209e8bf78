for x() in y
