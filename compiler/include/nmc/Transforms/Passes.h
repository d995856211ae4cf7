//===- Passes.h - nmc's transformation passes -------------------*- C++ -*-===//

#ifndef NMC_TRANSFORMS_PASSES_H
#define NMC_TRANSFORMS_PASSES_H

#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Pass/Pass.h"

namespace nmc {

#define GEN_PASS_DECL
#include "nmc/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "nmc/Transforms/Passes.h.inc"

} // namespace nmc

#endif // NMC_TRANSFORMS_PASSES_H
