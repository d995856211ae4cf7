//===- Passes.td - nmc's conversion passes -----------------*- tablegen -*-===//

#ifndef NMC_CONVERSION_PASSES
#define NMC_CONVERSION_PASSES

include "mlir/Pass/PassBase.td"

def ConvertNMToMPI : Pass<"convert-nm-to-mpi", "mlir::ModuleOp"> {
  let summary = "Lower the nm dialect to the mpi dialect and runtime calls";
  let description = [{
    Ops the upstream `mpi` dialect has (rank, size, barrier, allreduce)
    become `mpi` ops; the others (gather, bcast, lists, strings, printing,
    raising, wtime) become calls into the nmc runtime, whose functions come
    from `runtime/include/nmrt_functions.def`. A type converter turns
    `!nm.comm` into `!mpi.comm` and `!nm.list`/`!nm.str` into `!llvm.ptr`
    everywhere (function signatures, calls, branches, memref globals).
    Also records which MPI implementation the program is built for, as the
    `dlti.map` entry `"MPI:Implementation"` that the `mpi` dialect's
    lowering reads, and makes `__nmc_main` pass the module's
    `nm.source_name` to the runtime first.
  }];
  let dependentDialects = [
    "mlir::mpi::MPIDialect", "mlir::func::FuncDialect",
    "mlir::memref::MemRefDialect", "mlir::arith::ArithDialect",
    "mlir::DLTIDialect", "mlir::LLVM::LLVMDialect"
  ];
  let options = [
    Option<"mpiImplementation", "mpi-implementation", "std::string",
           /*default=*/"\"OpenMPI\"",
           "The MPI library linked in: OpenMPI or MPICH">
  ];
}

def ConvertNMCToLLVM : Pass<"convert-nmc-to-llvm", "mlir::ModuleOp"> {
  let summary = "Lower everything nmc generates to the LLVM dialect";
  let description = [{
    One full conversion with arith, cf, func, math, memref, ub and mpi
    patterns, nmc's own `mpi` patterns for what upstream MLIR 22 lowers
    wrongly or not at all (comm_size, barrier, Open MPI's reduction
    operator symbols, element counts of multi-dimensional buffers). No nm
    op or type is left by then.
  }];
  let dependentDialects = ["mlir::LLVM::LLVMDialect"];
}

#endif // NMC_CONVERSION_PASSES
