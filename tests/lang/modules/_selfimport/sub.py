print("sub runs")
VALUE = 42
