//===- SSABuilder.cpp - On-the-fly SSA construction -----------------------===//

#include "SSABuilder.h"

#include "mlir/Interfaces/ControlFlowInterfaces.h"

#include "llvm/ADT/STLExtras.h"

using namespace nmc::mlirgen;

/// The operands a branch passes to the arguments of the successor that
/// `use` names.
static mlir::SuccessorOperands successorOperands(mlir::BlockOperand &use) {
  return llvm::cast<mlir::BranchOpInterface>(use.getOwner())
      .getSuccessorOperands(use.getOperandNumber());
}

void SSABuilder::writeVariable(mlir::Block *block, llvm::StringRef name,
                               llvm::ArrayRef<mlir::Value> values) {
  definitions[block][name].assign(values.begin(), values.end());
}

llvm::SmallVector<mlir::Value, 1>
SSABuilder::readVariable(mlir::Block *block, llvm::StringRef name,
                         mlir::TypeRange types) {
  llvm::SmallVector<mlir::Value, 1> values;
  for (auto [i, type] : llvm::enumerate(types))
    values.push_back(readSlot(block, {name.str(), unsigned(i)}, type));
  return values;
}

void SSABuilder::writeSlot(mlir::Block *block, const Slot &slot,
                           mlir::Value value) {
  auto &values = definitions[block][slot.name];
  if (values.size() <= slot.index)
    values.resize(slot.index + 1);
  values[slot.index] = value;
}

mlir::Value SSABuilder::readSlot(mlir::Block *block, const Slot &slot,
                                 mlir::Type type) {
  auto blockIt = definitions.find(block);
  if (blockIt != definitions.end()) {
    auto it = blockIt->second.find(slot.name);
    if (it != blockIt->second.end() && it->second.size() > slot.index &&
        it->second[slot.index]) {
      mlir::Value value = resolve(it->second[slot.index]);
      return value.getType() == type ? value : widen(value, type, block);
    }
  }
  return readSlotRecursive(block, slot, type);
}

mlir::Value SSABuilder::readSlotRecursive(mlir::Block *block, const Slot &slot,
                                          mlir::Type type) {
  mlir::Value value;
  if (!sealed.contains(block)) {
    // Not every predecessor is known yet: complete the phi when sealing.
    mlir::BlockArgument phi =
        block->addArgument(type, block->getParent()->getLoc());
    incomplete[block].push_back({slot, phi});
    value = phi;
  } else if (block->hasNoPredecessors()) {
    value = undefined(type);
  } else if (mlir::Block *pred = block->getSinglePredecessor()) {
    value = readSlot(pred, slot, type);
  } else {
    // Written before the operands are read, so that a cycle back to this
    // block finds the phi and ends.
    mlir::BlockArgument phi =
        block->addArgument(type, block->getParent()->getLoc());
    writeSlot(block, slot, phi);
    value = addPhiOperands(slot, phi);
  }
  writeSlot(block, slot, value);
  return value;
}

mlir::Value SSABuilder::addPhiOperands(const Slot &slot,
                                       mlir::BlockArgument phi) {
  mlir::Block *block = phi.getOwner();
  filling.insert(phi);
  for (mlir::BlockOperand &use : block->getUses()) {
    mlir::Value operand =
        readSlot(use.getOwner()->getBlock(), slot, phi.getType());
    successorOperands(use).append(operand);
  }
  filling.erase(phi);
  return tryRemoveTrivialPhi(phi);
}

mlir::Value SSABuilder::tryRemoveTrivialPhi(mlir::BlockArgument phi) {
  if (replaced.count(phi))
    return resolve(phi);
  // Some predecessors do not pass it yet; it is checked once they all do.
  if (filling.contains(phi))
    return phi;
  mlir::Value same;
  for (mlir::BlockOperand &use : phi.getOwner()->getUses()) {
    // A path that cannot run (code after break, continue or return) has
    // no say: any value may stand for what it passes.
    mlir::Block *pred = use.getOwner()->getBlock();
    if (pred->hasNoPredecessors() && !pred->isEntryBlock())
      continue;
    mlir::Value operand = successorOperands(use)[phi.getArgNumber()];
    if (operand == same || operand == phi)
      continue;
    if (same)
      return phi; // two different values reach it: a real phi
    same = operand;
  }
  if (!same)
    same = undefined(phi.getType());
  // Phis that use this one may become trivial once it is gone.
  llvm::SmallVector<mlir::BlockArgument> users;
  for (mlir::OpOperand &use : phi.getUses())
    if (auto branch = llvm::dyn_cast<mlir::BranchOpInterface>(use.getOwner()))
      if (std::optional<mlir::BlockArgument> arg =
              branch.getSuccessorBlockArgument(use.getOperandNumber()))
        if (*arg != phi)
          users.push_back(*arg);
  phi.replaceAllUsesWith(same);
  replaced[phi] = same;
  trivialPhis.push_back(phi);
  for (mlir::BlockArgument user : users)
    tryRemoveTrivialPhi(user);
  return resolve(same);
}

mlir::Value SSABuilder::resolve(mlir::Value value) const {
  for (auto it = replaced.find(value); it != replaced.end();
       it = replaced.find(value))
    value = it->second;
  return value;
}

void SSABuilder::sealBlock(mlir::Block *block) {
  if (!sealed.insert(block).second)
    return;
  // Operands first, for every phi in argument order, so that each branch's
  // operands line up with the arguments; then the trivial ones go.
  llvm::SmallVector<IncompletePhi> phis = incomplete.lookup(block);
  incomplete.erase(block);
  for (const IncompletePhi &p : phis)
    filling.insert(p.phi);
  for (const IncompletePhi &p : phis)
    for (mlir::BlockOperand &use : block->getUses())
      successorOperands(use).append(
          readSlot(use.getOwner()->getBlock(), p.slot, p.phi.getType()));
  for (const IncompletePhi &p : phis)
    filling.erase(p.phi);
  for (const IncompletePhi &p : phis)
    tryRemoveTrivialPhi(p.phi);
}

void SSABuilder::finish() {
  // Highest argument first, so that the indices of the others stay valid.
  llvm::sort(trivialPhis, [](mlir::BlockArgument a, mlir::BlockArgument b) {
    return a.getArgNumber() > b.getArgNumber();
  });
  for (mlir::BlockArgument phi : trivialPhis) {
    mlir::Block *block = phi.getOwner();
    unsigned index = phi.getArgNumber();
    for (mlir::BlockOperand &use : block->getUses())
      successorOperands(use).erase(index);
    block->eraseArgument(index);
  }
}
