if x:
  y
z
