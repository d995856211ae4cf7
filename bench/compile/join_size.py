#!/usr/bin/env python3
"""Size of the nm-level IR against the number of variables.

Writes a program with N variables, each assigned once, followed by an if, a
while loop and a for loop in which one variable changes, and reports the
size of MLIRGen's output, the block arguments of its joins, and the size of
`nmc --emit=nm`. With SSA construction the joins carry only the changed
variables, so the sizes grow linearly with N.

usage: join_size.py NMC [N ...]
"""
import re
import subprocess
import sys
import tempfile


def program(n):
    lines = [f"v{i} = {i}" for i in range(n)]
    lines += [
        "c = 0",
        "if v1 > 0:",
        "    c = 1",
        "while c < 10:",
        "    c += 1",
        "for i in range(3):",
        "    c += i",
        "print(c, " + ", ".join(f"v{i}" for i in range(n)) + ")",
    ]
    return "\n".join(lines) + "\n"


def measure(nmc, source):
    """MLIRGen's own output (the module before the first pass) and the
    --emit=nm result after canonicalisation."""
    proc = subprocess.run([nmc, "--emit=nm", "--mlir-print-ir-before-all",
                           source], check=True, capture_output=True,
                          text=True)
    raw = proc.stderr.split("// -----// IR Dump Before")[1]
    return raw, proc.stdout


def main():
    nmc = sys.argv[1]
    for n in [int(a) for a in sys.argv[2:]] or [50, 400]:
        with tempfile.NamedTemporaryFile("w", suffix=".npy") as f:
            f.write(program(n))
            f.flush()
            raw, final = measure(nmc, f.name)
        args = [len(m.group(1).split(",")) for m in
                re.finditer(r"^\s*\^bb\d+\(([^)]*)\)", raw, re.M)]
        print(f"{n} variables: MLIRGen output {len(raw)} bytes, "
              f"{len(args)} blocks with arguments, at most {max(args)} "
              f"and {sum(args)} in all; --emit=nm {len(final)} bytes")


if __name__ == "__main__":
    main()
