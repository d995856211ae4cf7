"""Runs reduce.py on a fixed program with a predicate that needs one line
and valid Python, and prints the result."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import reduce  # noqa: E402

PROGRAM = """\
x = 1
z = 2
for i in range(3):
    z += i
    print(z)
if x:
    print(x)
    y = x // 0
    print(y)
print("end")
"""

def still_fails(text):
    try:
        compile(text, "candidate", "exec")
    except SyntaxError:
        return False
    # The difference needs `y = x // 0` and the assignment of x before it.
    return "    y = x // 0" in text and text.startswith("x = 1")


sys.stdout.write(reduce.reduce_program(PROGRAM, still_fails))
