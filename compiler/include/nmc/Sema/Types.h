//===- Types.h - The types of nmc programs ----------------------*- C++ -*-===//
//
// A value type: what type inference assigns to every expression and
// variable. Runtime types (int64, float64, bool, None, str, arrays, lists,
// tuples) have a machine representation; compile-time types (modules,
// builtins, user functions, communicators, reduction operators) are resolved
// by the compiler and have none.
//
//===----------------------------------------------------------------------===//

#ifndef NMC_SEMA_TYPES_H
#define NMC_SEMA_TYPES_H

#include "nmc/Sema/Builtins.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nmc::ast {
class FunctionDef;
} // namespace nmc::ast

namespace nmc::sema {

class Type {
public:
  enum class Kind {
    Unknown, // not inferred (yet)
    None,
    Bool,
    Int,   // int64, wraps
    Float, // float64
    Str,
    Array, // NumPy array: element type and number of dimensions
    List,  // homogeneous list
    Tuple, // fixed length, heterogeneous
    // Compile-time only:
    Module,   // `np`, `MPI`, `numba`, `math`
    Builtin,  // a callable the compiler knows: `print`, `numpy.empty`,
              // `comm.gather`
    Function, // a user `def`
    Comm,     // an MPI communicator
    ReduceOp, // `MPI.SUM`, ...
    Slice,    // `lo:hi:step` inside a subscript
  };

  Type() = default;

  static Type unknown() { return Type(Kind::Unknown); }
  static Type none() { return Type(Kind::None); }
  static Type boolean() { return Type(Kind::Bool); }
  static Type integer() { return Type(Kind::Int); }
  static Type floating() { return Type(Kind::Float); }
  static Type string() { return Type(Kind::Str); }
  static Type array(Type element, int rank);
  static Type list(Type element);
  static Type tuple(std::vector<Type> elements);
  static Type module(BuiltinScope scope);
  static Type builtin(BuiltinId id);
  static Type function(const ast::FunctionDef *def);
  static Type comm() { return Type(Kind::Comm); }
  static Type reduceOp(BuiltinId id);
  static Type slice() { return Type(Kind::Slice); }

  Kind getKind() const { return kind; }
  bool is(Kind k) const { return kind == k; }
  bool isUnknown() const { return kind == Kind::Unknown; }
  /// bool, int or float: the types arithmetic accepts.
  bool isNumeric() const {
    return kind == Kind::Bool || kind == Kind::Int || kind == Kind::Float;
  }
  /// int or bool: what Python takes as an integer (an index, a count, a
  /// range bound, the argument of an integer-only function).
  bool isInteger() const { return kind == Kind::Int || kind == Kind::Bool; }
  /// Types with a machine representation.
  bool isRuntime() const;
  /// Whether the type, or a type inside it, is not inferred yet.
  bool containsUnknown() const;
  /// Whether a list may hold values of the type: numbers and strs.
  bool isListElement() const { return isNumeric() || kind == Kind::Str; }
  /// Whether the type is an array or a tuple holding one.
  bool containsArray() const;

  /// Array and list element type.
  Type getElement() const { return elements->front(); }
  /// Array number of dimensions.
  int getRank() const { return rank; }
  /// Tuple element types.
  const std::vector<Type> &getElements() const { return *elements; }
  /// The attributes of a module.
  BuiltinScope getScope() const { return scope; }
  /// Builtin and reduction operator entry.
  BuiltinId getBuiltin() const { return builtinId; }
  const ast::FunctionDef *getFunction() const { return functionDef; }

  bool operator==(const Type &other) const;
  bool operator!=(const Type &other) const { return !(*this == other); }

  /// Numba-style spelling: int64, float64, bool, none, str,
  /// array(float64, 1d), list(float64), tuple(int64, float64), module numpy.
  std::string str() const;
  /// A short form for symbol names: i64, f64, b, A1f64, Lf64, T2i64f64.
  std::string mangle() const;

private:
  explicit Type(Kind kind) : kind(kind) {}

  Kind kind = Kind::Unknown;
  int rank = 0;
  BuiltinScope scope = BuiltinScope::Python;
  BuiltinId builtinId = BuiltinId::Print;
  const ast::FunctionDef *functionDef = nullptr;
  std::shared_ptr<const std::vector<Type>> elements;
};

/// The type a variable gets when it holds values of both types, as Numba
/// unifies them: identical types stay, int with float (and bool with either)
/// widen, an unknown side takes the other. Nothing for other conflicts.
std::optional<Type> unify(const Type &a, const Type &b);

/// The result type of arithmetic on two numeric types (bool acts as int).
Type promoteNumeric(const Type &a, const Type &b);

} // namespace nmc::sema

#endif // NMC_SEMA_TYPES_H
