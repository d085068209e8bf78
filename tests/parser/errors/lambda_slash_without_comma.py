rate = 22050 lambda/ divisor
