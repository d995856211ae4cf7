//===- RuntimeFunctions.cpp - Declaring nmrt functions --------------------===//

#include "nmc/Support/RuntimeFunctions.h"

#include "mlir/IR/Builders.h"

using namespace mlir;

func::FuncOp nmc::getOrDeclareRuntimeFunction(OpBuilder &builder,
                                              ModuleOp module, StringRef name,
                                              FunctionType type,
                                              bool noReturn) {
  if (auto existing = module.lookupSymbol<func::FuncOp>(name))
    return existing;
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToStart(module.getBody());
  auto f = func::FuncOp::create(builder, module.getLoc(), name, type);
  f.setPrivate();
  if (noReturn)
    f->setAttr("passthrough",
               builder.getArrayAttr({builder.getStringAttr("noreturn")}));
  return f;
}

Value nmc::callRuntime(OpBuilder &builder, Location loc, StringRef name,
                       TypeRange results, ValueRange args, bool noReturn) {
  auto module =
      builder.getInsertionBlock()->getParentOp()->getParentOfType<ModuleOp>();
  auto callee = getOrDeclareRuntimeFunction(
      builder, module, name, builder.getFunctionType(args.getTypes(), results),
      noReturn);
  auto call = func::CallOp::create(builder, loc, callee, args);
  return call.getNumResults() ? call.getResult(0) : Value();
}

int64_t nmc::sourceLine(Location loc) {
  if (auto fileLoc = loc->findInstanceOf<FileLineColLoc>())
    return fileLoc.getLine();
  return 0;
}
