//===- MPIToLLVM.h - nmc's patterns for upstream mpi gaps -------*- C++ -*-===//
//
// MLIR 22's MPIToLLVM leaves comm_size and barrier unlowered, names Open
// MPI's reduction operators with symbols libmpi does not export
// (`ompi_mpi_sum` for `ompi_mpi_op_sum`), passes only the first dimension
// as an element count, and allocates comm_rank's result slot where the op
// is (inside a loop, the stack grows on every iteration). These patterns take
// over those ops; they carry a higher benefit than upstream's so they win where
// both match.
//
//===----------------------------------------------------------------------===//

#ifndef NMC_CONVERSION_MPITOLLVM_H
#define NMC_CONVERSION_MPITOLLVM_H

namespace mlir {
class LLVMTypeConverter;
class RewritePatternSet;
namespace mpi {
class AllReduceOp;
} // namespace mpi
} // namespace mlir

namespace nmc {

/// Whether both buffers of an allreduce are contiguous, which nmc's pattern
/// needs (upstream's would treat a strided buffer as contiguous).
bool hasContiguousBuffers(mlir::mpi::AllReduceOp op);

void populateMPIToLLVMGapPatterns(mlir::LLVMTypeConverter &converter,
                                  mlir::RewritePatternSet &patterns);

} // namespace nmc

#endif // NMC_CONVERSION_MPITOLLVM_H
