# Float arithmetic in a tight while loop: escape-time Mandelbrot set.


def mandelbrot(width, height, max_iter):
    inside = 0
    total_iters = 0
    for py in range(height):
        ci = 2.0 * py / height - 1.0
        for px in range(width):
            cr = 3.0 * px / width - 2.0
            zr = zi = 0.0
            n = 0
            while n < max_iter:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                n += 1
            if n == max_iter:
                inside += 1
            total_iters += n
    return inside, total_iters


print(mandelbrot(400, 250, 120))
