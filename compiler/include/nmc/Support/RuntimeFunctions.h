//===- RuntimeFunctions.h - Declaring nmrt functions ------------*- C++ -*-===//
//
// Generated code and lowering patterns call into the runtime library
// (runtime/include/nmrt.h) through func.call; this declares the callee once
// per module.
//
//===----------------------------------------------------------------------===//

#ifndef NMC_SUPPORT_RUNTIMEFUNCTIONS_H
#define NMC_SUPPORT_RUNTIMEFUNCTIONS_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Location.h"

namespace nmc {

/// The private declaration of external function `name` in `module`, created
/// at the start of the module on first use; `noReturn` marks functions that
/// raise a Python error and never come back.
mlir::func::FuncOp getOrDeclareRuntimeFunction(mlir::OpBuilder &builder,
                                               mlir::ModuleOp module,
                                               llvm::StringRef name,
                                               mlir::FunctionType type,
                                               bool noReturn = false);

/// Calls runtime function `name` with `args` at the builder's insertion
/// point; returns its result, or null when it has none.
mlir::Value callRuntime(mlir::OpBuilder &builder, mlir::Location loc,
                        llvm::StringRef name, mlir::TypeRange results,
                        mlir::ValueRange args, bool noReturn = false);


/// The source line of `loc` for runtime error messages, 0 if unknown.
int64_t sourceLine(mlir::Location loc);

} // namespace nmc

#endif // NMC_SUPPORT_RUNTIMEFUNCTIONS_H
