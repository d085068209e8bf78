# CPython's formatfloat_testcases.txt through both % formatting and format().
PATH = "/usr/lib/python3.11/test/formatfloat_testcases.txt"
with open(PATH) as f:
    for line in f:
        if line.startswith("--") or not line.strip():
            continue
        lhs, rhs = line.split("->")
        fmt, arg = lhs.split()
        got = fmt % float(arg)
        print(fmt, arg, got, format(float(arg), fmt[1:]) if not fmt.endswith("r") else "")
