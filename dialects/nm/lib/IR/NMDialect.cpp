//===- NMDialect.cpp - The nm dialect -------------------------------------===//

#include "nm/IR/NMDialect.h"
#include "nm/IR/NMOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::nm;

#include "nm/IR/NMOpsDialect.cpp.inc"

#include "nm/IR/NMEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "nm/IR/NMAttrs.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "nm/IR/NMOpsTypes.cpp.inc"

void NMDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "nm/IR/NMOps.cpp.inc"
      >();
  addTypes<
#define GET_TYPEDEF_LIST
#include "nm/IR/NMOpsTypes.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "nm/IR/NMAttrs.cpp.inc"
      >();
}

Operation *NMDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                          Type type, Location loc) {
  return arith::ConstantOp::materialize(builder, value, type, loc);
}
