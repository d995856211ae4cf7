//===- Passes.h - nmc's conversion passes -----------------------*- C++ -*-===//

#ifndef NMC_CONVERSION_PASSES_H
#define NMC_CONVERSION_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/DLTI/DLTI.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MPI/IR/MPI.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Pass/Pass.h"

namespace nmc {

#define GEN_PASS_DECL
#include "nmc/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "nmc/Conversion/Passes.h.inc"

} // namespace nmc

#endif // NMC_CONVERSION_PASSES_H
