#!/usr/bin/env python3
"""Differential test: run one program under python3 + Numba + mpi4py and as
an nmc executable at several rank counts; the outputs must agree.

Each rank's standard output and error are captured on their own (mpirun
--output-filename), so ranks never mix within a line. For every rank count:

- both runs must leave an output file for every rank (a launcher that did
  not start, or that ignored --output-filename, compares nothing and fails);
- Python must succeed, unless the test passes --expect-failure, in which
  case both must fail;
- the exit statuses must be the same (0; 1 for an uncaught exception; the
  code of `sys.exit(3)`);
- every rank's stdout must be the same, line for line;
- every rank's first Python exception line on stderr
  (`ZeroDivisionError: division by zero`) must be the same; where neither
  has one and the run failed, the last line of stderr (the message of
  `sys.exit("message")`) must be;
- where both runs succeed, every rank's whole stderr must be the same
  (`print(..., file=sys.stderr)`), less Python's warnings.

A run that agrees prints `N ranks: same output (L lines)`, then the error
and the exit status where there are any.

usage: differential.py --nmc NMC --mpirun 'MPIRUN ARGS' --python PY
                       [--nmc-flag FLAG ...] [--expect-failure]
                       [--program-args 'ARGS'] FILE RANKS...
"""
import argparse
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

# `ValueError: message`, `AssertionError`, mpi4py's `Exception: ...`.
EXCEPTION_LINE = re.compile(
    r"^(?:[A-Za-z_][A-Za-z0-9_]*\.)*([A-Z][A-Za-z0-9]*(?:Error|Exception|Exit)"
    r"|Exception)"
    r"(?:: .*)?$")


def first_exception(stderr):
    """The first line of `stderr` that names a Python exception, or ''."""
    for line in stderr.splitlines():
        if EXCEPTION_LINE.match(line.strip()):
            # Numba names its own copies of the builtin exceptions.
            return re.sub(r"^numba\.\S+\.", "", line.strip())
    return ""


# `/path/file.py:12: NumbaWarning: ...`, then the indented source line.
WARNING_LINE = re.compile(r"^\S.*:\d+: \w*Warning: ")


def without_warnings(stderr):
    """`stderr` less Python's warnings (the warnings module's lines and the
    indented lines that follow them)."""
    kept, in_warning = [], False
    for line in stderr.splitlines(keepends=True):
        if WARNING_LINE.match(line):
            in_warning = True
            continue
        if in_warning and line[:1] in (" ", "\t"):
            continue
        in_warning = False
        kept.append(line)
    return "".join(kept)


def last_line(stderr):
    """The last non-blank line of `stderr`, or ''."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def run(cmd, ranks, outdir, attempts=3):
    """Runs `cmd` on `ranks` ranks; returns the exit status (124 if it ran
    past 300 s), each rank's stdout and stderr in rank order (None where the
    rank left no file), and mpirun's own stderr. mpirun makes every rank's
    files when it starts the ranks, even for a program that writes nothing,
    so a failed run that left
    no file at all is the launcher failing to start the job (this happens
    under load on an oversubscribed machine): it is started again, up to
    `attempts` times in all, and the last mpirun's stderr says why."""
    for attempt in range(attempts):
        shutil.rmtree(outdir, ignore_errors=True)
        try:
            proc = subprocess.run(
                cmd[:1] + ["-n", str(ranks), "--output-filename", outdir] +
                cmd[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                text=True, timeout=300)
        except subprocess.TimeoutExpired:
            # A run that hangs is a difference to report, like any other.
            proc = subprocess.CompletedProcess(cmd, 124, "",
                                               "timed out after 300 s\n")
        outputs, errors = [], []
        for rank in range(ranks):
            for name, into in (("stdout", outputs), ("stderr", errors)):
                files = glob.glob(os.path.join(outdir, "*", f"rank.{rank}",
                                               name))
                into.append(open(files[0]).read() if files else None)
        started = any(out is not None for out in outputs + errors)
        if proc.returncode == 0 or started:
            break
    return proc.returncode, outputs, errors, proc.stderr


def compare(n, py, nm, expect_failure):
    """The reasons the runs at `n` ranks disagree; empty if they agree."""
    problems = []
    for label, result in (("python", py), ("nmc", nm)):
        missing = [r for r in range(n) if result[1][r] is None]
        if missing:
            problems.append(f"{label} left no output for ranks {missing} "
                            f"(exit {result[0]}): the launcher did not run "
                            "the program as asked"
                            + (f"; mpirun said: {last_line(result[3])}"
                               if result[3].strip() else ""))
    if problems:
        return problems
    if expect_failure and py[0] == 0:
        problems.append("python succeeded, but the test expects a failure")
    if not expect_failure and py[0] != 0:
        problems.append(f"python failed (exit {py[0]})")
    if py[0] != nm[0]:
        problems.append(f"python exit {py[0]}, nmc exit {nm[0]}")
    for rank in range(n):
        if py[1][rank] != nm[1][rank]:
            problems.append(f"rank {rank} stdout differs:\n--- python\n"
                            f"{py[1][rank]}--- nmc\n{nm[1][rank]}")
        if py[0] == 0 and nm[0] == 0:
            py_err, nm_err = without_warnings(py[2][rank]), nm[2][rank]
            if py_err != nm_err:
                problems.append(f"rank {rank} stderr differs:\n--- python\n"
                                f"{py_err}--- nmc\n{nm_err}")
        py_exc = first_exception(py[2][rank])
        nm_exc = first_exception(nm[2][rank])
        if py_exc != nm_exc:
            problems.append(f"rank {rank} error differs: python "
                            f"'{py_exc}', nmc '{nm_exc}'")
        elif not py_exc and py[0] != 0:
            py_last, nm_last = last_line(py[2][rank]), last_line(nm[2][rank])
            if py_last != nm_last:
                problems.append(f"rank {rank} exit message differs: python "
                                f"'{py_last}', nmc '{nm_last}'")
    return problems


def compile_program(nmc, flags, file, exe):
    """Compiles `file` to `exe`; returns nmc's stderr, or None on success."""
    proc = subprocess.run([nmc, *flags, file, "-o", exe],
                          stderr=subprocess.PIPE, text=True)
    return None if proc.returncode == 0 else proc.stderr


def run_both(mpirun, python, file, exe, n, tmp, program_args=()):
    """The Python and nmc runs of `file` at `n` ranks, both given
    `program_args` on their command lines (sys.argv[1:])."""
    py = run(mpirun + [python, file, *program_args], n,
             os.path.join(tmp, f"py{n}"))
    nm = run(mpirun + [exe, *program_args], n, os.path.join(tmp, f"nmc{n}"))
    return py, nm


def add_tool_arguments(parser):
    """The options naming nmc, mpirun and Python, and nmc's flags."""
    parser.add_argument("--nmc", required=True)
    parser.add_argument("--mpirun", required=True)
    parser.add_argument("--python", required=True)
    parser.add_argument("--nmc-flag", action="append", default=[])


def main():
    parser = argparse.ArgumentParser()
    add_tool_arguments(parser)
    parser.add_argument("--expect-failure", action="store_true")
    parser.add_argument("--program-args", default="",
                        help="arguments both runs get (shell words)")
    parser.add_argument("file")
    parser.add_argument("ranks", nargs="+", type=int)
    args = parser.parse_args()

    mpirun = shlex.split(args.mpirun)
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "prog")
        error = compile_program(args.nmc, args.nmc_flag, args.file, exe)
        if error is not None:
            sys.stderr.write("nmc failed:\n" + error)
            return 1
        failures = 0
        for n in args.ranks:
            py, nm = run_both(mpirun, args.python, args.file, exe, n, tmp,
                              shlex.split(args.program_args))
            problems = compare(n, py, nm, args.expect_failure)
            if not problems:
                lines = sum(len(out.splitlines()) for out in nm[1])
                # The first rank's error, where any rank raised one.
                errors = [first_exception(e) for e in nm[2]] if nm[0] else []
                error = next((e for e in errors if e), "")
                print(f"{n} ranks: same output ({lines} lines)"
                      + (f", same error ({error})" if error else "")
                      + (f", exit {nm[0]}" if nm[0] else ""))
                continue
            failures += 1
            print(f"{n} ranks: DIFFERENT")
            for problem in problems:
                print("  " + problem)
            print("  python mpirun stderr:\n" + py[3] +
                  "  nmc mpirun stderr:\n" + nm[3])
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
