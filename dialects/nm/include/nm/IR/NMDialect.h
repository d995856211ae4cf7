//===- NMDialect.h - The nm dialect -----------------------------*- C++ -*-===//

#ifndef NM_IR_NMDIALECT_H
#define NM_IR_NMDIALECT_H

#include "mlir/IR/Dialect.h"

#include "nm/IR/NMOpsDialect.h.inc"

#endif // NM_IR_NMDIALECT_H
