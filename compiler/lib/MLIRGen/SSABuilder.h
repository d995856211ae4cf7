//===- SSABuilder.h - On-the-fly SSA construction ---------------*- C++ -*-===//
//
// Braun et al., "Simple and Efficient Construction of Static Single
// Assignment Form" (CC 2013), on MLIR blocks: a Python variable's current
// value is looked up per block; where paths join, a block argument (the
// phi) is added only when a read needs one, and removed again when every
// predecessor passes the same value. A variable may take several SSA values
// (a tuple's elements); each is a separate slot.
//
// Branches are created without operands for these arguments: the builder
// appends them to every predecessor's terminator when the phi is completed.
// A block is sealed once all its predecessors exist; reads in an unsealed
// block (a loop header while its body is generated) give incomplete phis
// that sealing completes.
//
//===----------------------------------------------------------------------===//

#ifndef NMC_LIB_MLIRGEN_SSABUILDER_H
#define NMC_LIB_MLIRGEN_SSABUILDER_H

#include "mlir/IR/Block.h"
#include "mlir/IR/Value.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

#include <string>

namespace nmc::mlirgen {

class SSABuilder {
public:
  /// `undefined(type)` gives the value of a variable read where no
  /// definition reaches (code after a return, or a variable Python would
  /// report as unbound). `widen(value, type, block)` converts a value
  /// defined in or before `block` to the wider type a read asks for, at the
  /// end of `block`: where an int and a float meet, the phi is a float.
  SSABuilder(
      llvm::function_ref<mlir::Value(mlir::Type)> undefined,
      llvm::function_ref<mlir::Value(mlir::Value, mlir::Type, mlir::Block *)>
          widen)
      : undefined(undefined), widen(widen) {}

  void writeVariable(mlir::Block *block, llvm::StringRef name,
                     llvm::ArrayRef<mlir::Value> values);
  /// The values of `name` at the end of `block` so far, read as `types`
  /// (one per slot); a phi takes the type its first read asks for.
  llvm::SmallVector<mlir::Value, 1>
  readVariable(mlir::Block *block, llvm::StringRef name, mlir::TypeRange types);
  /// Every predecessor of `block` has its terminator now.
  void sealBlock(mlir::Block *block);
  /// Erases the arguments of phis found trivial, and their branch operands.
  /// Call once every block is sealed and generation is done.
  void finish();

private:
  struct Slot {
    std::string name;
    unsigned index;
  };
  struct IncompletePhi {
    Slot slot;
    mlir::BlockArgument phi;
  };

  mlir::Value readSlot(mlir::Block *block, const Slot &slot, mlir::Type type);
  mlir::Value readSlotRecursive(mlir::Block *block, const Slot &slot,
                                mlir::Type type);
  void writeSlot(mlir::Block *block, const Slot &slot, mlir::Value value);
  /// Appends the value of `slot` in each predecessor to its branch.
  mlir::Value addPhiOperands(const Slot &slot, mlir::BlockArgument phi);
  mlir::Value tryRemoveTrivialPhi(mlir::BlockArgument phi);
  /// `value`, or what it was replaced by when it was a trivial phi.
  mlir::Value resolve(mlir::Value value) const;

  llvm::function_ref<mlir::Value(mlir::Type)> undefined;
  llvm::function_ref<mlir::Value(mlir::Value, mlir::Type, mlir::Block *)> widen;
  llvm::DenseMap<mlir::Block *,
                 llvm::StringMap<llvm::SmallVector<mlir::Value, 1>>>
      definitions;
  llvm::DenseSet<mlir::Block *> sealed;
  llvm::DenseMap<mlir::Block *, llvm::SmallVector<IncompletePhi>> incomplete;
  /// Trivial phis and their replacements. Their arguments stay until
  /// finish(), so that no freed argument's address is reused as a key.
  llvm::DenseMap<mlir::Value, mlir::Value> replaced;
  /// Phis whose operands are being added.
  llvm::DenseSet<mlir::Value> filling;
  llvm::SmallVector<mlir::BlockArgument> trivialPhis;
};

} // namespace nmc::mlirgen

#endif // NMC_LIB_MLIRGEN_SSABUILDER_H
