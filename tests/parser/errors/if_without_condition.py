exts = read(x)if
