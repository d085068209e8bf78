if x:  # comment
y = 1
