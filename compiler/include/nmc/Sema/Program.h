//===- Program.h - The typed program ----------------------------*- C++ -*-===//
//
// What type inference produces and MLIR generation consumes: one
// FunctionInstance per function specialisation (and the module body), with
// the type of every expression in it. `nmc --emit=typed` prints it.
//
//===----------------------------------------------------------------------===//

#ifndef NMC_SEMA_PROGRAM_H
#define NMC_SEMA_PROGRAM_H

#include "nmc/AST/AST.h"
#include "nmc/Sema/FormatTemplates.h"
#include "nmc/Sema/Types.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <memory>
#include <string>
#include <vector>

namespace nmc::sema {

/// One specialisation of a function for one argument-type signature, or the
/// module body (def == nullptr), with the types of everything inside it.
struct FunctionInstance {
  const ast::FunctionDef *def = nullptr;
  /// Unique symbol name, e.g. `compute__A1f64`; `__nmc_main` for the body.
  std::string symbol;
  std::vector<Type> paramTypes;
  Type returnType;
  /// The `return` that gave returnType its type, for the note of a conflict.
  SourceLoc returnTypeGivenAt;
  /// `@njit(fastmath=True)`: float arithmetic may be reassociated.
  bool fastmath = false;
  /// Variables in order of first binding (parameters first) and the union
  /// of the types assigned to each. Each assignment and each read has its
  /// own type in exprTypes; this union is the storage type of module-level
  /// variables that functions read.
  std::vector<std::string> localNames;
  llvm::StringMap<Type> locals;
  /// Variables assigned types that do not unify (fine unless they must be
  /// stored as one type).
  llvm::StringSet<> conflictingLocals;
  /// The type of every expression evaluated in this instance.
  llvm::DenseMap<const ast::Expr *, Type> exprTypes;
  /// Calls of user functions: the instance each one calls.
  llvm::DenseMap<const ast::Call *, FunctionInstance *> callees;
  /// The `key=` of sorted() and list.sort() that names a user function:
  /// the instance that computes each element's key.
  llvm::DenseMap<const ast::Expr *, FunctionInstance *> keyFunctions;
  /// The arguments of a call in parameter order: defaults filled in for
  /// user functions; (value, root or op, null when absent) for comm.gather
  /// and comm.allreduce.
  llvm::DenseMap<const ast::Call *, std::vector<const ast::Expr *>> boundArgs;
  /// Conditions decided at compile time, like `__name__ == "__main__"`.
  llvm::DenseMap<const ast::Expr *, bool> constantConditions;
  /// `try:` around imports, decided at compile time: the index of the
  /// except clause that runs, or -1 when the imports succeed.
  llvm::DenseMap<const ast::Try *, int> tryOutcomes;
  /// The element type of each empty list literal `[]`, from what the
  /// program puts into the list later (append, insert, extend, +=).
  llvm::DenseMap<const ast::List *, Type> emptyListElements;
  /// The element each tuple subscript selects (negative indices resolved).
  llvm::DenseMap<const ast::Subscript *, size_t> tupleIndices;
  /// The type `x op= y` computes before it is stored into `x`.
  llvm::DenseMap<const ast::AugAssign *, Type> augmentedResults;
  /// The fields of the literal format string of each str.format call
  /// (naming the call's boundArgs: positional, then keywords) and of each
  /// `"..." % values` (naming the values in order).
  llvm::DenseMap<const ast::Expr *, std::vector<FormatPiece>> formatTemplates;

  bool isModuleBody() const { return def == nullptr; }
  Type typeOf(const ast::Expr *expr) const {
    auto it = exprTypes.find(expr);
    return it == exprTypes.end() ? Type::unknown() : it->second;
  }
  /// A readable signature, `compute(array(float64, 1d)) -> float64`.
  std::string signature() const;
};

struct Program {
  const ast::Module *module = nullptr;
  /// instances[0] is the module body; the rest in order of discovery.
  std::vector<std::unique_ptr<FunctionInstance>> instances;
  /// Module-level variables that compiled functions read: they need storage
  /// that outlives the module body's frame.
  llvm::StringSet<> globalsReadByFunctions;

  FunctionInstance &moduleBody() const { return *instances.front(); }
  /// The type of module-level variable `name`, unknown if there is none.
  Type globalType(llvm::StringRef name) const;
};

} // namespace nmc::sema

#endif // NMC_SEMA_PROGRAM_H
