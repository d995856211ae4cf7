//===- RuntimeFunctions.cpp - Declaring nmrt functions --------------------===//

#include "nmc/Support/RuntimeFunctions.h"

#include "mlir/IR/Builders.h"

using namespace mlir;

func::FuncOp nmc::getOrDeclareRuntimeFunction(OpBuilder &builder,
                                              ModuleOp module, StringRef name,
                                              FunctionType type) {
  if (auto existing = module.lookupSymbol<func::FuncOp>(name))
    return existing;
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToStart(module.getBody());
  auto f = func::FuncOp::create(builder, module.getLoc(), name, type);
  f.setPrivate();
  if (name == "nmrt_raise" || name == "nmrt_index_error")
    f->setAttr("passthrough",
               builder.getArrayAttr({builder.getStringAttr("noreturn")}));
  return f;
}

int64_t nmc::sourceLine(Location loc) {
  if (auto fileLoc = loc->findInstanceOf<FileLineColLoc>())
    return fileLoc.getLine();
  return 0;
}
