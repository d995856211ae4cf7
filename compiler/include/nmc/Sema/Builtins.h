//===- Builtins.h - What nmc knows of Python, NumPy and mpi4py --*- C++ -*-===//
//
// The tables that give types to imported modules, their attributes and
// Python's builtin names. Names are resolved by binding: these tables are
// consulted only after a name is known to be bound to a module or builtin.
//
//===----------------------------------------------------------------------===//

#ifndef NMC_SEMA_BUILTINS_H
#define NMC_SEMA_BUILTINS_H

#include "nmc/Sema/Types.h"

#include "llvm/ADT/StringRef.h"

#include <optional>

namespace nmc::sema {

/// Whether `import name` names a module nmc knows (numpy, numba, mpi4py,
/// mpi4py.MPI, math).
bool isKnownModule(llvm::StringRef name);

/// The type of `module.attr`, e.g. numpy.empty, mpi4py.MPI.COMM_WORLD,
/// math.pi; nothing if nmc does not know it.
std::optional<Type> lookupModuleAttribute(llvm::StringRef module,
                                          llvm::StringRef attr);

/// The value of a float constant such as math.pi or numpy.inf.
std::optional<double> lookupModuleConstant(llvm::StringRef module,
                                           llvm::StringRef attr);

/// The type of `value.attr` for a communicator or array value, e.g.
/// comm.Get_rank, comm.size, a.shape.
std::optional<Type> lookupValueAttribute(const Type &value,
                                         llvm::StringRef attr);

/// Python's builtin names that nmc compiles: print, range, len, ...
std::optional<Type> lookupBuiltinName(llvm::StringRef name);

} // namespace nmc::sema

#endif // NMC_SEMA_BUILTINS_H
