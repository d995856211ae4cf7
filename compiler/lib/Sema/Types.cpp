//===- Types.cpp - The types of nmc programs ------------------------------===//

#include "nmc/Sema/Types.h"

#include "nmc/AST/AST.h"

using namespace nmc;
using namespace nmc::sema;

Type Type::array(Type element, int rank) {
  Type t(Kind::Array);
  t.rank = rank;
  t.elements = std::make_shared<std::vector<Type>>(1, element);
  return t;
}

Type Type::list(Type element) {
  Type t(Kind::List);
  t.elements = std::make_shared<std::vector<Type>>(1, element);
  return t;
}

Type Type::tuple(std::vector<Type> elements) {
  Type t(Kind::Tuple);
  t.elements = std::make_shared<std::vector<Type>>(std::move(elements));
  return t;
}

Type Type::module(BuiltinScope scope) {
  Type t(Kind::Module);
  t.scope = scope;
  return t;
}

Type Type::builtin(BuiltinId id) {
  Type t(Kind::Builtin);
  t.builtinId = id;
  return t;
}

Type Type::function(const ast::FunctionDef *def) {
  Type t(Kind::Function);
  t.functionDef = def;
  return t;
}

Type Type::reduceOp(BuiltinId id) {
  Type t(Kind::ReduceOp);
  t.builtinId = id;
  return t;
}

bool Type::isRuntime() const {
  switch (kind) {
  case Kind::None:
  case Kind::Bool:
  case Kind::Int:
  case Kind::Float:
  case Kind::Str:
  case Kind::Array:
  case Kind::List:
  case Kind::Tuple:
    return true;
  default:
    return false;
  }
}

bool Type::containsArray() const {
  if (kind == Kind::Array)
    return true;
  if (kind == Kind::Tuple && elements)
    for (const Type &t : *elements)
      if (t.containsArray())
        return true;
  return false;
}

bool Type::containsUnknown() const {
  if (kind == Kind::Unknown)
    return true;
  if (elements)
    for (const Type &t : *elements)
      if (t.containsUnknown())
        return true;
  return false;
}

bool Type::operator==(const Type &other) const {
  if (kind != other.kind || rank != other.rank || scope != other.scope ||
      builtinId != other.builtinId || functionDef != other.functionDef)
    return false;
  if (!elements || !other.elements)
    return elements == other.elements;
  return *elements == *other.elements;
}

std::string Type::str() const {
  switch (kind) {
  case Kind::Unknown:
    return "unknown";
  case Kind::None:
    return "none";
  case Kind::Bool:
    return "bool";
  case Kind::Int:
    return "int64";
  case Kind::Float:
    return "float64";
  case Kind::Str:
    return "str";
  case Kind::Array:
    return "array(" + getElement().str() + ", " + std::to_string(rank) + "d)";
  case Kind::List:
    return "list(" + getElement().str() + ")";
  case Kind::Tuple: {
    std::string s = "tuple(";
    for (size_t i = 0; i < elements->size(); ++i)
      s += (i ? ", " : "") + (*elements)[i].str();
    return s + ")";
  }
  case Kind::Module:
    return "module " + scopeName(scope).str();
  case Kind::Builtin:
    return "builtin " + qualifiedName(builtinId);
  case Kind::Function:
    return "function " + functionDef->name;
  case Kind::Comm:
    return "communicator";
  case Kind::ReduceOp:
    return "reduction operator " + qualifiedName(builtinId);
  case Kind::Slice:
    return "slice";
  }
  return "unknown";
}

std::string Type::mangle() const {
  switch (kind) {
  case Kind::None:
    return "n";
  case Kind::Bool:
    return "b";
  case Kind::Int:
    return "i64";
  case Kind::Float:
    return "f64";
  case Kind::Str:
    return "s";
  case Kind::Array:
    return "A" + std::to_string(rank) + getElement().mangle();
  case Kind::List:
    return "L" + getElement().mangle();
  case Kind::Tuple: {
    std::string s = "T" + std::to_string(elements->size());
    for (const Type &t : *elements)
      s += t.mangle();
    return s;
  }
  default:
    // Compile-time values are not part of a specialisation's machine
    // signature, but distinct ones still need distinct names.
    return "C" + std::to_string(static_cast<int>(kind)) + "_" +
           std::to_string(static_cast<int>(scope)) + "_" +
           std::to_string(static_cast<int>(builtinId)) +
           (functionDef ? functionDef->name : "");
  }
}

std::optional<Type> sema::unify(const Type &a, const Type &b) {
  if (a.isUnknown())
    return b;
  if (b.isUnknown())
    return a;
  if (a == b)
    return a;
  if (a.isNumeric() && b.isNumeric()) {
    // Numba unifies bool with int to int and anything with float to float.
    return promoteNumeric(a, b);
  }
  // Lists of different element types are different types; a list whose
  // element type is not inferred yet takes the other's.
  if (a.is(Type::Kind::List) && b.is(Type::Kind::List) &&
      (a.getElement().isUnknown() || b.getElement().isUnknown()))
    return Type::list(a.getElement().isUnknown() ? b.getElement()
                                                 : a.getElement());
  if (a.is(Type::Kind::Tuple) && b.is(Type::Kind::Tuple) &&
      a.getElements().size() == b.getElements().size()) {
    std::vector<Type> elements;
    for (size_t i = 0; i < a.getElements().size(); ++i) {
      auto element = unify(a.getElements()[i], b.getElements()[i]);
      if (!element)
        return std::nullopt;
      elements.push_back(*element);
    }
    return Type::tuple(std::move(elements));
  }
  return std::nullopt;
}

Type sema::promoteNumeric(const Type &a, const Type &b) {
  if (a.is(Type::Kind::Float) || b.is(Type::Kind::Float))
    return Type::floating();
  return Type::integer();
}
