self.b{de = 1
x = 2
