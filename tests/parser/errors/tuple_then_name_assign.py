domain, size, traceba length = trace
