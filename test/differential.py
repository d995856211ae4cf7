#!/usr/bin/env python3
"""Differential test: run one program under python3 + Numba + mpi4py and as
an nmc executable at several rank counts; the outputs must agree.

Each rank's standard output is captured on its own (mpirun
--output-filename), so ranks never mix within a line, and must be the same,
line for line, under both. The exit status must agree too (both succeed or
both fail).

usage: differential.py --nmc NMC --mpirun 'MPIRUN ARGS' --python PY
                       [--nmc-flag FLAG ...] FILE RANKS...
"""
import argparse
import glob
import os
import shlex
import subprocess
import sys
import tempfile


def run(cmd, ranks, outdir):
    """Runs `cmd` on `ranks` ranks; returns the exit status, each rank's
    stdout in rank order, and mpirun's own stderr."""
    proc = subprocess.run(cmd[:1] + ["-n", str(ranks), "--output-filename",
                                     outdir] + cmd[1:],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, timeout=300)
    outputs = []
    for rank in range(ranks):
        files = glob.glob(os.path.join(outdir, "*", f"rank.{rank}", "stdout"))
        outputs.append(open(files[0]).read() if files else "")
    return proc.returncode, outputs, proc.stderr


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
        proc = subprocess.run([args.nmc, *args.nmc_flag, args.file, "-o", exe],
                              stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            sys.stderr.write("nmc failed:\n" + proc.stderr)
            return 1
        failures = 0
        for n in args.ranks:
            py = run(mpirun + [args.python, args.file], n,
                     os.path.join(tmp, f"py{n}"))
            nm = run(mpirun + [exe], n, os.path.join(tmp, f"nmc{n}"))
            same_status = (py[0] == 0) == (nm[0] == 0)
            if py[1] == nm[1] and same_status:
                lines = sum(len(out.splitlines()) for out in nm[1])
                print(f"{n} ranks: same output ({lines} lines)")
                continue
            failures += 1
            print(f"{n} ranks: DIFFERENT")
            print(f"  python exit {py[0]}, nmc exit {nm[0]}")
            for rank in range(n):
                if py[1][rank] != nm[1][rank]:
                    print(f"  rank {rank} python stdout:\n{py[1][rank]}"
                          f"  rank {rank} nmc stdout:\n{nm[1][rank]}")
            print("  python stderr:\n" + py[2] + "  nmc stderr:\n" + nm[2])
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
