#!/usr/bin/env python3
"""Generates programs with gen.py and runs each under python3 + Numba +
mpi4py and as an nmc executable, comparing every rank's stdout, the exit
status and the first exception line of stderr (test/differential.py's
comparison). Python must end with the status the program's first line
states (`# exit status 3`, where the program ends by sys.exit(3)), 0 if none. A program nmc rejects counts as a failure too: the generator
only emits accepted code.

On a failure the program is written to --out as seed-N.npy and, with
--reduce, reduced by statement deletion to seed-N-reduced.npy, ready to
become a regression test under test/Differential/.

usage: driver.py --nmc NMC --mpirun 'MPIRUN ARGS' --python PY
                 --seeds FIRST-LAST [--ranks 1 2 3 | --rotate-ranks]
                 [--jobs J] [--out DIR] [--reduce] [--progress N]
                 [--nmc-flag FLAG ...]

--rotate-ranks runs seed s at 1 + s % 3 ranks only (the CI batch); the
default runs every program at each of --ranks.
"""
import argparse
import concurrent.futures
import os
import re
import shlex
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.dirname(__file__))
import differential  # noqa: E402
import gen  # noqa: E402
import reduce  # noqa: E402

LOCATION = re.compile(r"^\S+:\d+:\d+: ")
# gen.py's first line: the status every rank ends with (sys.exit(3) -> 3).
EXIT_STATUS = re.compile(r"^# exit status (\d+)$", re.M)


class Checker:
    def __init__(self, args):
        self.nmc, self.flags = args.nmc, args.nmc_flag
        self.mpirun, self.python = shlex.split(args.mpirun), args.python

    def failure(self, text, ranks):
        """Why `text` fails: ('compile', message), ('python', detail),
        ('differs', detail) or None when every rank count agrees."""
        stated = EXIT_STATUS.search(text)
        status = int(stated.group(1)) if stated else 0
        with tempfile.TemporaryDirectory() as tmp:
            path, exe = os.path.join(tmp, "prog.npy"), os.path.join(tmp, "p")
            with open(path, "w") as f:
                f.write(text)
            error = differential.compile_program(self.nmc, self.flags, path,
                                                 exe)
            if error is not None:
                # A rejection counts only where Python runs the program.
                py = differential.run(self.mpirun + [self.python, path],
                                      ranks[0], os.path.join(tmp, "py"))
                if py[0] != status:
                    return ("python", f"python failed (exit {py[0]}): "
                            + "".join(e or "" for e in py[2])[-2000:])
                first = error.splitlines()[0] if error else ""
                return ("compile", LOCATION.sub("", first))
            for n in ranks:
                py, nm = differential.run_both(self.mpirun, self.python,
                                               path, exe, n, tmp)
                problems = differential.compare(n, py, nm, status != 0)
                if py[0] != status:
                    return ("python", f"{n} ranks: " + "\n".join(problems) +
                            "".join(e or "" for e in py[2])[-2000:])
                if problems:
                    return ("differs", f"{n} ranks: " + "\n".join(problems))
        return None


def parse_seeds(text):
    first, _, last = text.partition("-")
    return range(int(first), int(last or first) + 1)


def main():
    parser = argparse.ArgumentParser()
    differential.add_tool_arguments(parser)
    parser.add_argument("--seeds", required=True, type=parse_seeds)
    parser.add_argument("--ranks", nargs="+", type=int, default=[1, 2, 3])
    parser.add_argument("--rotate-ranks", action="store_true")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", default="fuzz-failures")
    parser.add_argument("--reduce", action="store_true")
    parser.add_argument("--progress", type=int, default=0,
                        help="print a line every N programs")
    args = parser.parse_args()

    checker = Checker(args)

    def ranks_for(seed):
        return [1 + seed % 3] if args.rotate_ranks else args.ranks

    def check(seed):
        return seed, checker.failure(gen.generate(seed), ranks_for(seed))

    began = time.time()
    failures = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for done, (seed, failure) in enumerate(pool.map(check, args.seeds), 1):
            if failure:
                failures.append((seed, failure))
                print(f"seed {seed}: {failure[0]}: {failure[1]}", flush=True)
            if args.progress and done % args.progress == 0:
                print(f"{done} programs (to seed {seed}), {len(failures)} "
                      f"failing, {time.time() - began:.0f} s", flush=True)
    runs = sum(len(ranks_for(s)) for s in args.seeds)
    print(f"{len(args.seeds)} programs, {runs} runs on each side, "
          f"{len(failures)} failing, in {time.time() - began:.0f} s")

    if failures:
        os.makedirs(args.out, exist_ok=True)
    for seed, (kind, detail) in failures:
        text = gen.generate(seed)
        with open(os.path.join(args.out, f"seed-{seed}.npy"), "w") as f:
            f.write(text)
        # A program Python rejects is a generator bug: nothing to reduce.
        if not args.reduce or kind == "python":
            continue
        print(f"reducing seed {seed} ({kind})", flush=True)
        ranks = ranks_for(seed)

        def still_fails(candidate):
            # The same kind of failure; for a rejection, the same message.
            result = checker.failure(candidate, ranks)
            return result is not None and result[0] == kind and (
                kind != "compile" or result[1] == detail)

        small = reduce.reduce_program(text, still_fails, print)
        path = os.path.join(args.out, f"seed-{seed}-reduced.npy")
        with open(path, "w") as f:
            f.write(small)
        print(f"  wrote {path} ({len(small.splitlines())} lines)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
