//===- NMOps.h - Operations, types and attributes of nm ---------*- C++ -*-===//

#ifndef NM_IR_NMOPS_H
#define NM_IR_NMOPS_H

#include "nm/IR/NMDialect.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "nm/IR/NMEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "nm/IR/NMAttrs.h.inc"

#define GET_TYPEDEF_CLASSES
#include "nm/IR/NMOpsTypes.h.inc"

#define GET_OP_CLASSES
#include "nm/IR/NMOps.h.inc"

#endif // NM_IR_NMOPS_H
