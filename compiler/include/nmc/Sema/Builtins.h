//===- Builtins.h - What nmc knows of Python, NumPy and mpi4py --*- C++ -*-===//
//
// The table of Builtins.def as C++: an enum value per known callable or
// value, its scope (a module, Python's builtins, or the methods of a
// communicator or array), its name and its typing rule. Names are resolved
// by binding: the table is consulted only once a name is known to be bound
// to a module or builtin, or to be a free name.
//
//===----------------------------------------------------------------------===//

#ifndef NMC_SEMA_BUILTINS_H
#define NMC_SEMA_BUILTINS_H

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace nmc::ast {
class Call;
class Expr;
} // namespace nmc::ast

namespace nmc::sema {

/// Where a name may appear: Python's builtins, a module's attributes, or
/// the attributes of a communicator or array value.
enum class BuiltinScope {
  Python,
  Math,
  Numpy,
  Numba,
  Mpi4py,
  MPI,
  Sys,
  Time,
  Comm,
  Array,
  Stream,
  Str,
  List,
};

enum class BuiltinId {
#define NMC_BUILTIN(Id, Scope, Name, Rule) Id,
#define NMC_CONSTANT(Id, Scope, Name, Value) Id,
#include "nmc/Sema/Builtins.def"
};

/// How type inference types an entry.
enum class BuiltinRule {
  Print,              // print(*values, sep=, end=) -> None
  Range,              // range(...), numba.prange(...), enumerate(...),
                      // zip(...): a for loop's iterable
  Len,                // len(list | array | tuple) -> int
  Abs,                // abs(number) -> the number's type (bool gives int)
  MinMax,             // min/max(a, b, ...) of numbers -> their unified type
  ToInt,              // int(number)
  ToFloat,            // float(number)
  ToBool,             // bool(number)
  Round,              // round(number) -> int; round(number, n) -> number
  FloatOfNumber,      // sqrt(number) -> float
  Ufunc,              // np.sqrt(number) -> float; np.sqrt(array) -> array
  IntOfNumber,        // floor(number) -> int
  BoolOfNumber,       // isnan(number) -> bool
  FloatOfTwoNumbers,  // atan2(number, number) -> float
  FloatOfNothing,     // MPI.Wtime() -> float
  IntOfNothing,       // comm.Get_rank() -> int
  ArrayConstructor,   // np.zeros(shape, dtype=), np.full_like(a, x) -> array
  ArrayReduction,     // np.sum(a), a.max(), ... of the whole array -> number
  ArrayRange,         // np.arange(start, stop, step), np.linspace(a, b, n)
  ArrayMethod,        // a.copy(), np.copy(a) -> array; a.fill(x) -> None
  TransposeAttribute, // a.T -> the view with the axes reversed
  Dtype,              // a NumPy dtype that is not a converter too
  Decorator,          // @numba.njit
  Submodule,          // mpi4py.MPI: a module
  CommValue,          // MPI.COMM_WORLD: a communicator
  ReduceOperator,     // MPI.SUM: an allreduce op
  IntAttribute,       // comm.rank, a.size: an int value
  ShapeAttribute,     // a.shape: a tuple of ints
  Constant,           // math.pi: a float value
  Barrier,            // comm.barrier() -> None
  Gather,             // comm.gather(value, root=) -> list
  Allgather,          // comm.allgather(value) -> list
  Bcast,              // comm.bcast(value, root=) -> value
  ReduceWithOp,       // comm.allreduce / comm.scan(value, op=) -> value
  ExceptionClass,     // ValueError: only as `raise ValueError(message)`
  Exit,               // sys.exit(code or message) -> does not return
  Sleep,              // time.sleep(seconds) -> None
  Divmod,             // divmod(a, b) of numbers -> (a // b, a % b)
  Pow,                // pow(a, b) -> a ** b; pow(a, b, m) of ints -> int
  Gcd,                // math.gcd(*ints) -> int
  Factorial,          // math.factorial(int) -> int
  Isclose,            // math.isclose(a, b, rel_tol=, abs_tol=) -> bool
  Fsum,               // math.fsum(list | array) -> float
  ToStr,              // str(x), repr(x), format(x, spec) -> str
  Argv,               // sys.argv: a list of str value
  Stream,             // sys.stdout, sys.stderr: a compile-time value
  StreamWrite,        // stream.write(str) -> int
  StreamFlush,        // stream.flush() -> None
  StrFormat,          // "literal".format(*args, **kwargs) -> str
  StrMethod,          // s.upper(), s.split(sep), sep.join(l), ...
  ListMethod,         // list.append(value), .pop(i), .index(value), ...
  ToList,             // list(iterable) -> a new list
  Sum,                // sum(list | array) -> int or float
  Sorted,             // sorted(iterable, key=, reverse=) -> a new list
};

struct BuiltinInfo {
  BuiltinId id;
  BuiltinScope scope;
  const char *name;
  BuiltinRule rule;
  /// The value of a Constant.
  double value;
};

/// The entry of `id`.
const BuiltinInfo &getBuiltin(BuiltinId id);

/// Whether Numba 0.56 compiles `info` inside @njit (NMC_PLAIN_PYTHON_ONLY
/// and the sys and time modules are plain Python only).
bool compiledByNumba(const BuiltinInfo &info);

/// `math.sqrt`, `numpy.zeros`, `comm.gather`, `print`: for messages.
std::string qualifiedName(BuiltinId id);
/// The array a call of `id` works on: the receiver of a method (`a.sum()`,
/// an Array-scope entry), else the first argument (`np.sum(a)`).
const ast::Expr &arrayOperand(const ast::Call &call, BuiltinId id);
std::string qualifiedName(BuiltinScope scope, llvm::StringRef name);

/// The scope of the attributes of module `name` (numpy, mpi4py.MPI, ...).
std::optional<BuiltinScope> lookupModule(llvm::StringRef name);
/// `numpy` for BuiltinScope::Numpy; `comm` and `array` for those scopes.
llvm::StringRef scopeName(BuiltinScope scope);

/// What the table says of `name` in `scope`.
struct BuiltinLookup {
  /// The entry, or null.
  const BuiltinInfo *info = nullptr;
  /// No entry, but the name is in the subset and not implemented yet.
  bool planned = false;
};
BuiltinLookup lookupBuiltin(BuiltinScope scope, llvm::StringRef name);

} // namespace nmc::sema

#endif // NMC_SEMA_BUILTINS_H
