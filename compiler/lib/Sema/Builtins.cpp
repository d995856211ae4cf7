//===- Builtins.cpp - What nmc knows of Python, NumPy and mpi4py ----------===//

#include "nmc/Sema/Builtins.h"
#include "nmc/AST/AST.h"

#include "llvm/ADT/STLExtras.h"

#include <cmath>

using namespace nmc;
using namespace nmc::sema;

namespace {

struct ModuleInfo {
  BuiltinScope scope;
  const char *name;
};

struct PlannedInfo {
  BuiltinScope scope;
  const char *name;
};

} // namespace

static const BuiltinInfo builtins[] = {
#define NMC_BUILTIN(Id, Scope, Name, Rule)                                     \
  {BuiltinId::Id, BuiltinScope::Scope, Name, BuiltinRule::Rule, 0.0},
#define NMC_CONSTANT(Id, Scope, Name, Value)                                   \
  {BuiltinId::Id, BuiltinScope::Scope, Name, BuiltinRule::Constant, Value},
#include "nmc/Sema/Builtins.def"
};

static const ModuleInfo modules[] = {
#define NMC_MODULE(Scope, Name) {BuiltinScope::Scope, Name},
#include "nmc/Sema/Builtins.def"
};

static const PlannedInfo planned[] = {
#define NMC_PLANNED(Scope, Name) {BuiltinScope::Scope, Name},
#include "nmc/Sema/Builtins.def"
};

const BuiltinInfo &sema::getBuiltin(BuiltinId id) {
  // The table lists the entries in enum order.
  return builtins[static_cast<size_t>(id)];
}

bool sema::compiledByNumba(const BuiltinInfo &info) {
  // Numba compiles neither the sys nor the time module inside @njit.
  if (info.scope == BuiltinScope::Sys || info.scope == BuiltinScope::Time)
    return false;
  switch (info.id) {
#define NMC_PLAIN_PYTHON_ONLY(Id) case BuiltinId::Id:
#include "nmc/Sema/Builtins.def"
    return false;
  default:
    return true;
  }
}

llvm::StringRef sema::scopeName(BuiltinScope scope) {
  switch (scope) {
  case BuiltinScope::Python:
    return "";
  case BuiltinScope::Comm:
    return "comm";
  case BuiltinScope::Array:
    return "array";
  case BuiltinScope::Stream:
    return "stream";
  case BuiltinScope::Str:
    return "str";
  case BuiltinScope::List:
    return "list";
  case BuiltinScope::Math:
  case BuiltinScope::Numpy:
  case BuiltinScope::Numba:
  case BuiltinScope::Mpi4py:
  case BuiltinScope::MPI:
  case BuiltinScope::Sys:
  case BuiltinScope::Time:
    break;
  }
  for (const ModuleInfo &module : modules)
    if (module.scope == scope)
      return module.name;
  return "";
}

std::string sema::qualifiedName(BuiltinScope scope, llvm::StringRef name) {
  if (scope == BuiltinScope::Python)
    return name.str();
  return scopeName(scope).str() + "." + name.str();
}

std::string sema::qualifiedName(BuiltinId id) {
  const BuiltinInfo &info = getBuiltin(id);
  return qualifiedName(info.scope, info.name);
}

std::optional<BuiltinScope> sema::lookupModule(llvm::StringRef name) {
  for (const ModuleInfo &module : modules)
    if (name == module.name)
      return module.scope;
  return std::nullopt;
}

BuiltinLookup sema::lookupBuiltin(BuiltinScope scope, llvm::StringRef name) {
  BuiltinLookup result;
  for (const BuiltinInfo &info : builtins)
    if (info.scope == scope && name == info.name)
      result.info = &info;
  if (!result.info)
    result.planned = llvm::any_of(planned, [&](const PlannedInfo &p) {
      return p.scope == scope && name == p.name;
    });
  return result;
}

const nmc::ast::Expr &sema::arrayOperand(const ast::Call &call, BuiltinId id) {
  if (getBuiltin(id).scope == BuiltinScope::Array)
    return *llvm::cast<ast::Attribute>(*call.func).value;
  return *call.args[0];
}
