#!/usr/bin/env python3
"""Differential test: run one program under python3 + Numba + mpi4py and as
an nmc executable at several rank counts; the outputs must agree.

Lines are compared after sorting, since ranks print in any order. The exit
status must agree too (both succeed or both fail).

usage: differential.py --nmc NMC --mpirun 'MPIRUN ARGS' --python PY
                       [--nmc-flag FLAG ...] FILE RANKS...
"""
import argparse
import os
import shlex
import subprocess
import sys
import tempfile


def run(cmd):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--nmc", required=True)
    parser.add_argument("--mpirun", required=True)
    parser.add_argument("--python", required=True)
    parser.add_argument("--nmc-flag", action="append", default=[])
    parser.add_argument("file")
    parser.add_argument("ranks", nargs="+", type=int)
    args = parser.parse_args()

    mpirun = shlex.split(args.mpirun)
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "prog")
        status, out, err = run([args.nmc, *args.nmc_flag, args.file, "-o", exe])
        if status != 0:
            sys.stderr.write("nmc failed:\n" + err)
            return 1
        failures = 0
        for n in args.ranks:
            py = run(mpirun + ["-n", str(n), args.python, args.file])
            nm = run(mpirun + ["-n", str(n), exe])
            same_output = sorted(py[1].splitlines()) == sorted(nm[1].splitlines())
            same_status = (py[0] == 0) == (nm[0] == 0)
            if same_output and same_status:
                print(f"{n} ranks: same output ({len(nm[1].splitlines())} lines)")
                continue
            failures += 1
            print(f"{n} ranks: DIFFERENT")
            print(f"  python exit {py[0]}, nmc exit {nm[0]}")
            print("  python stdout:\n" + py[1] + "  python stderr:\n" + py[2])
            print("  nmc stdout:\n" + nm[1] + "  nmc stderr:\n" + nm[2])
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
