#!/usr/bin/env python3
"""Benchmarks: each kernel as nmc executable, C + MPI reference
(clang -O3 -march=native) and python3 + Numba + mpi4py, in one run.

Prints, per kernel and rank count, the kernel time of each (slowest rank,
mean over repetitions after a warm-up), the whole job's wall time, and the
ratios nmc/C and nmc/Numba. Nothing here is a test: numbers vary by machine.

usage: bench/run.py [--ranks 1 2 4] [--nmc build/bin/nmc] [--kernels K ...]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def mpirun(ranks):
    cmd = ["mpirun", "-n", str(ranks)]
    if ranks > (os.cpu_count() or 1):
        cmd.append("--oversubscribe")
    if os.geteuid() == 0:
        cmd.append("--allow-run-as-root")
    return cmd


def timed(cmd, env=None):
    start = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True,
                         env=env).stdout
    wall = time.perf_counter() - start
    values = dict(line.split(maxsplit=1) for line in out.splitlines())
    return float(values["kernel_seconds"]), float(values["checksum"]), wall


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ranks", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--nmc", default=os.path.join(HERE, "..", "build",
                                                      "bin", "nmc"))
    parser.add_argument("--kernels", nargs="+",
                        default=["sqrt_sum", "pi_midpoint"])
    args = parser.parse_args()

    cc_env = dict(os.environ, OMPI_CC=shutil.which("clang-22") or "clang")
    print(f"{'kernel':10} {'ranks':>5} {'nmc s':>9} {'C s':>9} {'numba s':>9}"
          f" {'nmc/C':>6} {'nmc/nb':>6} {'wall nmc':>9} {'wall nb':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for kernel in args.kernels:
            source = os.path.join(HERE, "kernels", kernel)
            nmc_exe = os.path.join(tmp, kernel + "-nmc")
            c_exe = os.path.join(tmp, kernel + "-c")
            subprocess.run([args.nmc, "-O3", source + ".npy", "-o", nmc_exe],
                           check=True)
            subprocess.run(["mpicc", "-O3", "-march=native", source + ".c",
                            "-o", c_exe, "-lm"], check=True, env=cc_env)
            for ranks in args.ranks:
                nmc = timed(mpirun(ranks) + [nmc_exe])
                ref = timed(mpirun(ranks) + [c_exe])
                numba = timed(mpirun(ranks) + ["/usr/bin/python3",
                                                source + ".npy"])
                if not (nmc[1] == ref[1] == numba[1]):
                    print(f"checksums differ: nmc {nmc[1]!r}, C {ref[1]!r}, "
                          f"numba {numba[1]!r}", file=sys.stderr)
                print(f"{kernel:10} {ranks:5} {nmc[0]:9.4f} {ref[0]:9.4f} "
                      f"{numba[0]:9.4f} {nmc[0] / ref[0]:6.2f} "
                      f"{nmc[0] / numba[0]:6.2f} {nmc[2]:9.2f} {numba[2]:8.2f}")


if __name__ == "__main__":
    main()
