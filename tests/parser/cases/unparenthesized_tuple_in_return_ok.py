return *a, b
