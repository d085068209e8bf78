x = "a\
b
