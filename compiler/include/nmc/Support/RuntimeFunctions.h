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
/// at the start of the module on first use. Functions that raise a Python
/// error (nmrt_raise, nmrt_index_error) are marked noreturn.
mlir::func::FuncOp getOrDeclareRuntimeFunction(mlir::OpBuilder &builder,
                                               mlir::ModuleOp module,
                                               llvm::StringRef name,
                                               mlir::FunctionType type);

/// The source line of `loc` for runtime error messages, 0 if unknown.
int64_t sourceLine(mlir::Location loc);

} // namespace nmc

#endif // NMC_SUPPORT_RUNTIMEFUNCTIONS_H
