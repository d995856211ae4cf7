//===- RuntimeFunctions.h - Calling nmrt functions --------------*- C++ -*-===//
//
// The lowerings call into the runtime library through func.call. Names and
// signatures come from runtime/include/nmrt_functions.def, the table the
// runtime's own header is made from, so the compiler and the runtime cannot
// disagree on them. Only lowerings (NMToMPI) use this; the nm level does not
// know the runtime.
//
//===----------------------------------------------------------------------===//

#ifndef NMC_SUPPORT_RUNTIMEFUNCTIONS_H
#define NMC_SUPPORT_RUNTIMEFUNCTIONS_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Location.h"

namespace nmc {

enum class RuntimeFunction {
#define NMRT_FUNCTION(Name, Result, Parameters) Name,
#define NMRT_NORETURN_FUNCTION(Name, Result, Parameters) Name,
#include "nmrt_functions.def"
};

/// The runtime function's C name, e.g. "nmrt_print_i64".
llvm::StringRef getRuntimeFunctionName(RuntimeFunction function);

/// The private declaration of `function` in `module`, created at the start
/// of the module on first use; functions that raise a Python error are
/// marked noreturn.
mlir::func::FuncOp getOrDeclareRuntimeFunction(mlir::OpBuilder &builder,
                                               mlir::ModuleOp module,
                                               RuntimeFunction function);

/// Calls `function` with `args` at the builder's insertion point; returns
/// its result, or null when it has none. The arguments must have the
/// parameter types of the table (i64, f64, i8 for bool, !llvm.ptr for
/// strings and lists): anything else is a compiler bug, reported as one.
mlir::Value callRuntime(mlir::OpBuilder &builder, mlir::Location loc,
                        RuntimeFunction function, mlir::ValueRange args);

/// The source line of `loc` for runtime error messages, 0 if unknown.
int64_t sourceLine(mlir::Location loc);

} // namespace nmc

#endif // NMC_SUPPORT_RUNTIMEFUNCTIONS_H
