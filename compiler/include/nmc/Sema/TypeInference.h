//===- TypeInference.h - Types for every expression -------------*- C++ -*-===//
//
// Infers types the way Numba does, without annotations: every function is
// specialised per argument-type signature at its call sites, starting from
// the module body. The result, a Program of FunctionInstances, is the typed
// AST that MLIR generation consumes (`nmc --emit=typed` prints it).
//
//===----------------------------------------------------------------------===//

#ifndef NMC_SEMA_TYPEINFERENCE_H
#define NMC_SEMA_TYPEINFERENCE_H

#include "nmc/AST/AST.h"
#include "nmc/Basic/Diagnostics.h"
#include "nmc/Sema/Program.h"

#include "llvm/Support/raw_ostream.h"

#include <memory>

namespace nmc::sema {

/// Infers the types of `module`. Reports errors through `diags` and returns
/// null if there was any.
std::unique_ptr<Program> inferTypes(const ast::Module &module,
                                    DiagnosticEngine &diags);

/// Prints every instance with the types of its variables and expressions.
void dump(const Program &program, llvm::raw_ostream &os);

} // namespace nmc::sema

#endif // NMC_SEMA_TYPEINFERENCE_H
