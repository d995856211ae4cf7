# Writes a program of N functions, each called with the result of the
# previous call (N from the command line).
import sys

n = int(sys.argv[1])
for i in range(n):
    print(f"def f{i}(a, b=2):")
    print(f"    return (a * b + {i}) // 3")
print("t = 1")
for i in range(n):
    print(f"t = t + f{i}(t % 7)")
print("print(t)")
