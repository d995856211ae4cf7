//===- Builtins.cpp - What nmc knows of Python, NumPy and mpi4py ----------===//

#include "nmc/Sema/Builtins.h"

#include "llvm/ADT/STLExtras.h"

#include <cmath>

using namespace nmc;
using namespace nmc::sema;

/// Whether `name` is one of `names`.
static bool isOneOf(llvm::StringRef name,
                    std::initializer_list<llvm::StringRef> names) {
  return llvm::is_contained(names, name);
}

bool sema::isKnownModule(llvm::StringRef name) {
  return isOneOf(name, {"numpy", "numba", "mpi4py", "mpi4py.MPI", "math"});
}

std::optional<double> sema::lookupModuleConstant(llvm::StringRef module,
                                                 llvm::StringRef attr) {
  if (module != "math" && module != "numpy")
    return std::nullopt;
  if (attr == "pi")
    return M_PI;
  if (attr == "e")
    return M_E;
  if (attr == "inf")
    return INFINITY;
  if (attr == "nan" && module == "numpy")
    return NAN;
  return std::nullopt;
}

std::optional<Type> sema::lookupModuleAttribute(llvm::StringRef module,
                                                llvm::StringRef attr) {
  std::string qualified = module.str() + "." + attr.str();
  if (lookupModuleConstant(module, attr))
    return Type::floating();
  if (module == "numpy") {
    if (isOneOf(attr, {"empty", "zeros", "ones", "sqrt", "exp", "log", "sin",
                       "cos", "tan", "abs", "float64"}))
      return Type::builtin(qualified);
    return std::nullopt;
  }
  if (module == "math") {
    if (isOneOf(attr,
                {"sqrt", "exp", "log", "log10", "sin", "cos", "tan", "atan2",
                 "hypot", "floor", "ceil", "fabs", "pow", "isnan", "isinf"}))
      return Type::builtin(qualified);
    return std::nullopt;
  }
  if (module == "numba") {
    if (isOneOf(attr, {"njit", "jit", "prange"}))
      return Type::builtin(qualified);
    return std::nullopt;
  }
  if (module == "mpi4py") {
    if (attr == "MPI")
      return Type::module("mpi4py.MPI");
    return std::nullopt;
  }
  if (module == "mpi4py.MPI") {
    if (attr == "COMM_WORLD")
      return Type::comm();
    if (isOneOf(attr, {"SUM", "PROD", "MAX", "MIN", "LAND", "LOR"}))
      return Type::reduceOp(attr.str());
    if (attr == "Wtime")
      return Type::builtin(qualified);
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Type> sema::lookupValueAttribute(const Type &value,
                                               llvm::StringRef attr) {
  if (value.is(Type::Kind::Comm)) {
    if (attr == "rank" || attr == "size")
      return Type::integer();
    if (isOneOf(attr, {"Get_rank", "Get_size", "gather", "allgather", "bcast",
                       "allreduce", "barrier", "Barrier"}))
      return Type::builtin("comm." + attr.str());
    return std::nullopt;
  }
  if (value.is(Type::Kind::Array)) {
    if (attr == "shape")
      return Type::tuple(std::vector<Type>(value.getRank(), Type::integer()));
    if (attr == "size" || attr == "ndim")
      return Type::integer();
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Type> sema::lookupBuiltinName(llvm::StringRef name) {
  if (isOneOf(name, {"print", "range", "len", "abs", "min", "max", "int",
                     "float", "bool", "round"}))
    return Type::builtin(name.str());
  return std::nullopt;
}
