//===- MLIRGen.h - Typed AST to MLIR ----------------------------*- C++ -*-===//
//
// Emits one func.func per function instance, in the nm, func, cf, arith,
// math, memref, scf (array fills), ub (unbound values) and llvm (string
// constants) dialects. Python variables become
// SSA values: every join point of control flow takes the variables as block
// arguments, so no stack slots are needed for any type, arrays included.
//
//===----------------------------------------------------------------------===//

#ifndef NMC_MLIRGEN_MLIRGEN_H
#define NMC_MLIRGEN_MLIRGEN_H

#include "nmc/Basic/Diagnostics.h"
#include "nmc/Sema/TypeInference.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

namespace mlir {
class MLIRContext;
} // namespace mlir

namespace nmc {

struct MLIRGenOptions {
  /// `--boundscheck`: array indices are checked and raise IndexError.
  bool boundsCheck = false;
};

/// Generates the MLIR module of a typed program; null after reporting an
/// error through `diags`.
mlir::OwningOpRef<mlir::ModuleOp> generateMLIR(mlir::MLIRContext &context,
                                               const sema::Program &program,
                                               DiagnosticEngine &diags,
                                               const MLIRGenOptions &options);

} // namespace nmc

#endif // NMC_MLIRGEN_MLIRGEN_H
