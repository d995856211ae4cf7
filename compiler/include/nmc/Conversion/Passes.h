//===- Passes.h - nmc's conversion passes -----------------------*- C++ -*-===//

#ifndef NMC_CONVERSION_PASSES_H
#define NMC_CONVERSION_PASSES_H

#include "mlir/Pass/Pass.h"

#include <string>

namespace nmc {

#define GEN_PASS_DECL
#include "nmc/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "nmc/Conversion/Passes.h.inc"

} // namespace nmc

#endif // NMC_CONVERSION_PASSES_H
