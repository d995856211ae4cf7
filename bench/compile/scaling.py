#!/usr/bin/env python3
"""Compile time against program size: nmc must grow linearly.

Generates programs of growing size in several shapes and times
`nmc FILE -o OUT` (whole process, best of three runs; link included):
straight-line code, many small functions, loops nested to CPython's limit,
and long expressions (power chains as an index, `or` chains in a range over
a variable assigned later in the loop, list literals).

usage: scaling.py NMC [--quick]
"""
import subprocess
import sys
import tempfile
import time


def straight_line(n):
    lines = ["from mpi4py import MPI", "r = MPI.COMM_WORLD.Get_rank()", "x = 0"]
    for i in range(n):
        lines.append(f"x = (x * 3 + {i} + r) % 1000003")
        if i % 100 == 99:
            lines.append("print(x)")
    return lines


def functions(n):
    lines, calls = [], []
    for i in range(n // 4):
        lines += [f"def f{i}(a, b=2):", f"    c = a * b + {i}",
                  "    return c // 3"]
        calls.append(f"t = t + f{i}(t % 7)")
    return lines + ["t = 1"] + calls + ["print(t)"]


def nested_loops(n):
    depth = 20
    lines, body = [], []
    for d in range(depth):
        lines.append(" " * d + f"for i{d} in range(1):")
    for i in range(n - depth):
        body.append(" " * depth + f"s = s + i{i % depth}")
    return ["s = 0"] + lines + body + ["print(s)"]


def power_index(n):
    return ["import numpy as np", "a = np.zeros(3)", "i = 1",
            "print(a[" + "**".join(["i"] * n) + "])"]


def or_range(n):
    return ["x = 1", "for k in range(2):",
            "    for j in range(" + " or ".join(["x"] * n) + "):",
            "        pass", "    x = 2"]


def list_literal(n):
    return ["l = [" + ", ".join(str(i % 97) for i in range(n)) + "]",
            "print(len(l))"]


CASES = [
    ("straight-line statements", straight_line, [1000, 3000, 10000]),
    ("small functions (lines)", functions, [1000, 10000, 30000]),
    ("20 nested loops (lines)", nested_loops, [1000, 3000, 10000]),
    ("a[i**i**...] (terms)", power_index, [1000, 2000, 4000]),
    ("range(x or x ...) (terms)", or_range, [1000, 2000, 4000]),
    ("list literal (elements)", list_literal, [1000, 10000, 100000]),
]


def compile_time(nmc, source):
    with tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/prog.npy"
        with open(path, "w") as f:
            f.write(source)
        best = None
        for _ in range(3 if len(source) < 200000 else 1):
            start = time.perf_counter()
            proc = subprocess.run([nmc, path, "-o", f"{tmp}/prog"],
                                  capture_output=True, text=True)
            elapsed = time.perf_counter() - start
            if proc.returncode != 0:
                return None, proc.stderr.splitlines()[0]
            best = elapsed if best is None else min(best, elapsed)
        return best, ""


def main():
    nmc = sys.argv[1]
    quick = "--quick" in sys.argv
    print(f"{'shape':28} {'size':>8} {'seconds':>9} {'per 1000':>9}")
    for name, make, sizes in CASES:
        for size in sizes[:2] if quick else sizes:
            seconds, error = compile_time(nmc, "\n".join(make(size)) + "\n")
            if seconds is None:
                print(f"{name:28} {size:>8}  error: {error}")
                continue
            print(f"{name:28} {size:>8} {seconds:9.3f} "
                  f"{1000 * seconds / size:9.4f}")


if __name__ == "__main__":
    main()
