//===- RuntimeFunctions.cpp - Calling nmrt functions ----------------------===//

#include "nmc/Support/RuntimeFunctions.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"

#include "llvm/Support/ErrorHandling.h"

using namespace mlir;

namespace {

/// One row of nmrt_functions.def, its types as the C spelling.
struct RuntimeSignature {
  const char *name;
  const char *result;
  const char *parameters;
  bool noReturn;
};

} // namespace

static const RuntimeSignature signatures[] = {
#define NMRT_FUNCTION(Name, Result, Parameters)                                \
  {#Name, #Result, #Parameters, false},
#define NMRT_NORETURN_FUNCTION(Name, Result, Parameters)                       \
  {#Name, #Result, #Parameters, true},
#include "nmrt_functions.def"
};

/// The MLIR type of an nmrt_* ABI type name; null for nmrt_void.
static Type abiType(MLIRContext *context, StringRef name) {
  if (name == "nmrt_void")
    return {};
  if (name == "nmrt_i64")
    return IntegerType::get(context, 64);
  if (name == "nmrt_f64")
    return Float64Type::get(context);
  if (name == "nmrt_bool")
    return IntegerType::get(context, 8);
  if (name == "nmrt_str" || name == "nmrt_f64_ptr" || name == "nmrt_list_ref")
    return LLVM::LLVMPointerType::get(context);
  llvm::report_fatal_error("nmrt_functions.def uses the unknown type '" + name +
                           "'");
}

static FunctionType functionType(MLIRContext *context,
                                 const RuntimeSignature &signature) {
  // "(nmrt_i64 v, nmrt_str s)": the first word of each parameter.
  SmallVector<Type> params;
  StringRef list =
      StringRef(signature.parameters).trim().drop_front().drop_back();
  SmallVector<StringRef> parts;
  list.split(parts, ',');
  for (StringRef part : parts) {
    StringRef type = part.trim().split(' ').first;
    if (type != "void")
      params.push_back(abiType(context, type));
  }
  SmallVector<Type> results;
  if (Type result = abiType(context, signature.result))
    results.push_back(result);
  return FunctionType::get(context, params, results);
}

StringRef nmc::getRuntimeFunctionName(RuntimeFunction function) {
  return signatures[static_cast<size_t>(function)].name;
}

func::FuncOp nmc::getOrDeclareRuntimeFunction(OpBuilder &builder,
                                              ModuleOp module,
                                              RuntimeFunction function) {
  const RuntimeSignature &signature = signatures[static_cast<size_t>(function)];
  if (auto existing = module.lookupSymbol<func::FuncOp>(signature.name))
    return existing;
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToStart(module.getBody());
  auto f = func::FuncOp::create(builder, module.getLoc(), signature.name,
                                functionType(builder.getContext(), signature));
  f.setPrivate();
  if (signature.noReturn)
    f->setAttr("passthrough",
               builder.getArrayAttr({builder.getStringAttr("noreturn")}));
  return f;
}

Value nmc::callRuntime(OpBuilder &builder, Location loc,
                       RuntimeFunction function, ValueRange args) {
  auto module =
      builder.getInsertionBlock()->getParentOp()->getParentOfType<ModuleOp>();
  func::FuncOp callee = getOrDeclareRuntimeFunction(builder, module, function);
  if (mlir::TypeRange(callee.getFunctionType().getInputs()) !=
      mlir::TypeRange(args.getTypes()))
    llvm::report_fatal_error(
        "internal compiler error: " + getRuntimeFunctionName(function) +
        " called with arguments of the wrong types");
  auto call = func::CallOp::create(builder, loc, callee, args);
  return call.getNumResults() ? call.getResult(0) : Value();
}

int64_t nmc::sourceLine(Location loc) {
  if (auto fileLoc = loc->findInstanceOf<FileLineColLoc>())
    return fileLoc.getLine();
  return 0;
}
