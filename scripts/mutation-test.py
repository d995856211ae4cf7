#!/usr/bin/env python3
"""Mutation testing: does the lit suite notice a wrong compiler?

Each mutation below is one small semantic change to the compiler or the
runtime (an operator swapped, a root ignored, the wrong math function). The
script applies one at a time, rebuilds, runs the whole suite (stopping at
the first failure), and restores the source. A mutation the suite does not
fail on "survives": some behaviour is untested. docs/testing.md reports the
last run.

usage: scripts/mutation-test.py [--build DIR] [--only N ...]
Exit status 1 if any mutation survives.
"""
import argparse
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXPR = "compiler/lib/MLIRGen/MLIRGenExpressions.cpp"
CALLS = "compiler/lib/MLIRGen/MLIRGenCalls.cpp"
GEN = "compiler/lib/MLIRGen/MLIRGen.cpp"

# (what it breaks, file, exact text, replacement). Each text occurs once.
MUTATIONS = [
    ("comm.rank gives the size", EXPR,
     'if (attr.attr == "rank")\n      return mlir::nm::RankOp::create(',
     'if (attr.attr == "rank")\n      return mlir::nm::SizeOp::create('),
    ("Get_rank() gives the size", CALLS,
     "return mlir::nm::RankOp::create(builder, l, builder.getI64Type(), comm);",
     "return mlir::nm::SizeOp::create(builder, l, builder.getI64Type(), comm);"),
    ("math.sin is cos", CALLS,
     "return mlir::math::SinOp::create(builder, l, asFloat(0), fm);",
     "return mlir::math::CosOp::create(builder, l, asFloat(0), fm);"),
    ("a negative array index counts from the start", EXPR,
     "mlir::arith::AddIOp::create(builder, location, index, size), index);",
     "mlir::arith::SubIOp::create(builder, location, index, size), index);"),
    ("int a - b computes b - a", EXPR,
     "case BinOpKind::Sub:\n    return mlir::arith::SubIOp::create(builder, "
     "location, a, b);",
     "case BinOpKind::Sub:\n    return mlir::arith::SubIOp::create(builder, "
     "location, b, a);"),
    ("a[i] -= x computes x - a[i]", GEN,
     "genBinary(aug.op, current, element, rhs, valueType, result, "
     "aug.getLoc());",
     "genBinary(aug.op, rhs, valueType, current, element, result, "
     "aug.getLoc());"),
    ("int % keeps the dividend's sign", EXPR,
     "mlir::arith::AddIOp::create(builder, location, r, b), r);",
     "mlir::arith::SubIOp::create(builder, location, r, b), r);"),
    ("int // truncates", EXPR,
     "mlir::Value q = mlir::arith::FloorDivSIOp::create(",
     "mlir::Value q = mlir::arith::DivSIOp::create("),
    ("x >> 63 is clamped to 62", EXPR,
     "mlir::arith::MinSIOp::create(builder, location, b,\n"
     "                                       constInt(63, location)));",
     "mlir::arith::MinSIOp::create(builder, location, b,\n"
     "                                       constInt(62, location)));"),
    ("| is ^", EXPR,
     "case BinOpKind::BitOr:\n    return mlir::arith::OrIOp::create",
     "case BinOpKind::BitOr:\n    return mlir::arith::XOrIOp::create"),
    ("float % takes the wrong sign", EXPR,
     "cmp(Pred::OLT, b, zero),", "cmp(Pred::OGT, b, zero),"),
    ("<= is <", EXPR, "return {{F::OLE, I::sle}};",
     "return {{F::OLT, I::slt}};"),
    ("round() rounds half away from zero", CALLS,
     "mlir::math::RoundEvenOp::create(builder, l, asFloat(0), fm),",
     "mlir::math::RoundOp::create(builder, l, asFloat(0), fm),"),
    ("math.floor is ceil", CALLS,
     "return floatToInt(mlir::math::FloorOp::create(builder, l, asFloat(0), "
     "fm),",
     "return floatToInt(mlir::math::CeilOp::create(builder, l, asFloat(0), "
     "fm),"),
    ("allreduce MAX is MIN", "compiler/lib/Conversion/NMToMPI/NMToMPI.cpp",
     "case nm::ReduceKind::max:\n    return mpi::MPI_ReductionOpEnum::MPI_MAX;",
     "case nm::ReduceKind::max:\n    return mpi::MPI_ReductionOpEnum::MPI_MIN;"),
    ("a root equal to the size is accepted", "runtime/src/collectives.c",
     "if (root < 0 || root >= size)", "if (root < 0 || root > size)"),
    ("gather ignores the root", "runtime/src/collectives.c",
     "MPI_Gather(v, 1, type, l ? l->data : NULL, 1, type, (int)root,",
     "MPI_Gather(v, 1, type, l ? l->data : NULL, 1, type, 0,"),
    ("bcast ignores the root", "runtime/src/collectives.c",
     "MPI_Bcast(v, 1, type, (int)root, MPI_COMM_WORLD);",
     "MPI_Bcast(v, 1, type, 0, MPI_COMM_WORLD);"),
    ("a list index equal to the length is accepted", "runtime/src/list.c",
     "if (i < 0 || i >= l->length)", "if (i < 0 || i > l->length)"),
    ("floats switch to exponents one digit early", "runtime/src/float_repr.c",
     "if (decpt <= -4 || decpt > 16) {", "if (decpt <= -4 || decpt > 15) {"),
    ("lists print without the space after commas", "runtime/src/print.c",
     'fputs(", ", stdout);', 'fputs(",", stdout);'),
    ("np.zeros(0) raises", CALLS,
     "mlir::arith::CmpIPredicate::slt, length,",
     "mlir::arith::CmpIPredicate::sle, length,"),
]


def run(cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, **kw)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--only", nargs="*", type=int)
    args = parser.parse_args()
    lit = "/usr/lib/llvm-22/bin/lit"

    chosen = [(i, m) for i, m in enumerate(MUTATIONS, 1)
              if not args.only or i in args.only]
    for _, (what, path, old, _) in chosen:
        count = open(os.path.join(ROOT, path)).read().count(old)
        if count != 1:
            sys.exit(f"mutation '{what}': its text occurs {count} times in "
                     f"{path}; update the list")

    survived = []
    for i, (what, path, old, new) in chosen:
        full = os.path.join(ROOT, path)
        original = open(full).read()
        began = time.time()
        try:
            with open(full, "w") as f:
                f.write(original.replace(old, new))
            build = run(["ninja", "-C", args.build])
            if build.returncode != 0:
                sys.exit(f"mutation {i} ({what}) does not build:\n"
                         + build.stdout[-3000:])
            # Lexical order: the short tests first, the generated batch last.
            suite = run([lit, "--max-failures=1", "--order=lexical", "-q",
                         os.path.join(args.build, "test")])
            killed = suite.returncode != 0
        finally:
            with open(full, "w") as f:
                f.write(original)
        first = next((line.strip() for line in suite.stdout.splitlines()
                      if line.strip().startswith(("FAIL:", "nmc ::"))), "")
        verdict = f"killed by {first}" if killed else "SURVIVED"
        print(f"{i:2}. {what}: {verdict} ({time.time() - began:.0f} s)",
              flush=True)
        if not killed:
            survived.append(what)
    run(["ninja", "-C", args.build])
    print(f"{len(chosen) - len(survived)} of {len(chosen)} mutations killed")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
