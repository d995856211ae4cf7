//===- EntryBlock.h - Stack slots in the entry block ------------*- C++ -*-===//

#ifndef NMC_SUPPORT_ENTRYBLOCK_H
#define NMC_SUPPORT_ENTRYBLOCK_H

#include "mlir/IR/Builders.h"

namespace nmc {

/// Moves `builder` to the start of the entry block of the function that
/// holds `op`: stack slots belong there, or a loop around `op` would grow
/// the stack on every iteration.
void setInsertionPointToEntryBlock(mlir::OpBuilder &builder,
                                   mlir::Operation *op);

} // namespace nmc

#endif // NMC_SUPPORT_ENTRYBLOCK_H
