import sys
for v in [0, 1, -1, -2, 2, 2**61 - 2, 2**61 - 1, 2**61, 2**61 + 1, -(2**61 - 1), -(2**61), 2**62, 2**64, -(2**64),
          10**30, -(10**30), 2**122 - 1, 2**200, 2**49, -2**49, 2**49 - 1, True, False]:
    print(v, hash(v), hash(float(v)) == hash(v) if abs(v) < 2**1000 and float(v) == v else "-")
print(sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.width)
print({1: "a", 1.0: "b", True: "c"}, {2**70: 1}[2.0**70])
