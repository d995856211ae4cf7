#!/usr/bin/env python3
"""Checks that every name docs/language.md documents as accepted is used by
at least one differential test (test/Differential/*.npy).

The accepted part of the page is everything before "## Not supported yet",
less the sections that describe behaviour rather than name what a program
may write ("Runtime errors"). A documented name is an identifier inside a
code span there (`np.zeros`, `allgather`, `sep`, `'f8'`, `--boundscheck`);
a dotted name counts by its last part used as an attribute or imported
(`comm.rank` needs `.rank`, `math.pi` `.pi` or `import pi`). Spans that
are messages or prose (a `: `, or four words and no code punctuation),
lowering targets (`nm.*`, `MPI_*`, MLIR types) and commands are skipped.
A test uses a name when it appears in the test's code or in its RUN and
CHECK lines (expected error lines live there); free comments do not count.
Placeholders the page uses for "some value" (`x`, `lo`, `hi`, ...) are
listed in PLACEHOLDERS below.

usage: docs_coverage.py LANGUAGE_MD DIFFERENTIAL_DIR
Prints the names no test uses and exits 1 if there are any.
"""
import glob
import os
import re
import sys

# Names the page uses for operands, not things the language provides.
PLACEHOLDERS = {
    "a", "b", "c", "d", "e", "f", "g", "i", "k", "l", "n", "r", "t", "u",
    "v", "x", "y", "z", "lo", "hi", "step", "start", "stop", "cond", "args",
    "obj", "prog", "npy", "file", "line", "col", "message", "literal",
    "sendobj", "op", "root", "dtype", "main", "divmod2", "nsqrt", "nm",
    "int64", "float64", "i64", "f64", "i1", "memref", "comm", "np", "MPI",
    "m", "tuple", "list", "array", "none", "str", "bool", "int", "float",
    "def", "msg", "rank", "size", "q", "__nmc_main", "Builtins", "seconds",
    "code", "E", "xs",
}
# Names the accepted sections mention only as rejected, or in prose.
NOT_ACCEPTED = {"kwargs", "np.int32", "__", "repr"}

NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")


SKIPPED_SECTIONS = ("## Runtime errors",)


def is_prose(span):
    words = span.split()
    return ": " in span or (len(words) >= 4 and not re.search(r"[(=\[]", span))


def documented_names(markdown):
    accepted = markdown.split("## Not supported yet")[0]
    for section in SKIPPED_SECTIONS:
        head, _, rest = accepted.partition(section)
        accepted = head + rest[rest.find("\n## "):] if "\n## " in rest else head
    names = set()
    for span in re.findall(r"`([^`]+)`", accepted):
        if ("/" in span or "<" in span or "mpirun" in span or
                span.startswith(("nm.", "MPI_", "-O")) or is_prose(span)):
            continue
        for name in NAME.findall(span.replace("--", " ")):
            if (name not in PLACEHOLDERS and name not in NOT_ACCEPTED and
                    len(name) > 1 and
                    not name.startswith(("nm.", "MPI_", "__nmc"))):
                names.add(name)
    return names


def test_text(path):
    """The code, RUN and CHECK lines of a test, without free comments."""
    kept = []
    for line in open(path):
        stripped = line.strip()
        if stripped.startswith("#") and not re.search(r"RUN:|CHECK", stripped):
            continue
        kept.append(line)
    return "".join(kept)


def used(name, corpus):
    last = re.escape(name.split(".")[-1])
    if "." in name:
        # `comm.rank` is used as an attribute (`.rank`); `math.sqrt` also by
        # a from-import (`from math import pi, sqrt`).
        return re.search(r"(\.|import |, )" + last + r"(?![A-Za-z0-9_])",
                         corpus) is not None
    return re.search(r"(?<![A-Za-z0-9_])" + last + r"(?![A-Za-z0-9_])",
                     corpus) is not None


def main():
    markdown = open(sys.argv[1]).read()
    tests = sorted(glob.glob(os.path.join(sys.argv[2], "*.npy")))
    corpus = "".join(test_text(path) for path in tests)
    names = documented_names(markdown)
    missing = sorted(n for n in names if not used(n, corpus))
    print(f"{len(names)} documented names, {len(tests)} differential tests, "
          f"{len(missing)} names no test uses")
    for name in missing:
        print(f"  not exercised: {name}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
