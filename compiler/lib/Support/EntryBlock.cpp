//===- EntryBlock.cpp - Stack slots in the entry block --------------------===//

#include "nmc/Support/EntryBlock.h"

using namespace mlir;

void nmc::setInsertionPointToEntryBlock(OpBuilder &builder, Operation *op) {
  Operation *function = op->getParentWithTrait<OpTrait::IsIsolatedFromAbove>();
  builder.setInsertionPointToStart(&function->getRegion(0).front());
}
