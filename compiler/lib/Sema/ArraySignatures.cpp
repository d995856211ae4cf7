//===- ArraySignatures.cpp - NumPy arrays in type inference ---------------===//
//
// How array expressions are typed: the constructors and their dtypes,
// subscripts of N-d arrays (elements, views), and NumPy's element-wise
// operators and functions with their broadcasting ranks and result dtypes.
//
//===----------------------------------------------------------------------===//

#include "InferenceWalker.h"

using namespace nmc;
using namespace nmc::sema;
using namespace nmc::sema::detail;

/// The element type a NumPy dtype argument names, or nothing when
/// `dtype` is not a dtype. Strings are NumPy's type codes and names.
static std::optional<Type> dtypeElement(const Type &dtype, const Expr &expr) {
  if (auto *str = dyn_cast<StrLit>(&expr)) {
    llvm::StringRef code = str->value;
    if (code == "d" || code == "f8" || code == "float64" || code == "float" ||
        code == "double")
      return Type::floating();
    if (code == "i8" || code == "int64" || code == "l" || code == "int")
      return Type::integer();
    if (code == "?" || code == "bool")
      return Type::boolean();
    if (code == "f" || code == "f4" || code == "float32" || code == "i" ||
        code == "i4" || code == "int32" || code == "D" ||
        code == "complex128" || code == "c16" || code == "complex")
      return Type::unknown(); // a dtype nmc does not have yet
    return std::nullopt;
  }
  if (!dtype.is(Type::Kind::Builtin))
    return std::nullopt;
  switch (dtype.getBuiltin()) {
  case BuiltinId::Float:
  case BuiltinId::NumpyFloat64:
  case BuiltinId::NumpyDouble:
    return Type::floating();
  case BuiltinId::Int:
  case BuiltinId::NumpyInt64:
  case BuiltinId::NumpyIntP:
    return Type::integer();
  case BuiltinId::Bool:
  case BuiltinId::NumpyBool:
    return Type::boolean();
  case BuiltinId::NumpyFloat32:
  case BuiltinId::NumpyInt32:
  case BuiltinId::NumpyComplex128:
    return Type::unknown();
  default:
    return std::nullopt;
  }
}

/// NumPy's name of a dtype argument, for messages.
static std::string dtypeName(const Expr &expr) {
  if (auto *str = dyn_cast<StrLit>(&expr))
    return "'" + str->value + "'";
  return toSource(expr);
}

std::optional<Type> InstanceWalker::arrayElementOf(const Expr &dtypeExpr) {
  Type dtype = visit(dtypeExpr);
  if (dtype.isUnknown() && !isa<StrLit>(&dtypeExpr))
    return Type::unknown();
  std::optional<Type> element = dtypeElement(dtype, dtypeExpr);
  if (!element) {
    fail(dtypeExpr.getLoc(),
         "data type " + dtypeName(dtypeExpr) + " not understood");
    return std::nullopt;
  }
  if (element->isUnknown()) {
    fail(dtypeExpr.getLoc(), "arrays of dtype " + dtypeName(dtypeExpr) +
                                 " are not supported yet (only float64, "
                                 "int64 and bool)");
    return std::nullopt;
  }
  return element;
}

Type InstanceWalker::callArrayConstructor(const Call &call,
                                          const BuiltinInfo &info) {
  // np.zeros(shape, dtype), np.full(shape, fill, dtype),
  // np.zeros_like(a, dtype), np.full_like(a, fill, dtype): the dtype
  // positional or as a keyword.
  bool like = info.id == BuiltinId::NumpyZerosLike ||
              info.id == BuiltinId::NumpyOnesLike ||
              info.id == BuiltinId::NumpyEmptyLike ||
              info.id == BuiltinId::NumpyFullLike;
  bool full =
      info.id == BuiltinId::NumpyFull || info.id == BuiltinId::NumpyFullLike;
  std::string name = std::string("numpy.") + info.name;
  size_t before = full ? 2 : 1; // arguments before the dtype
  if (!checkArgCount(call, before, before + 1, name))
    return Type::unknown();
  Type shape = instance.typeOf(call.args[0].get());
  int rank = 0;
  std::optional<Type> element;
  if (like) {
    if (!shape.is(Type::Kind::Array))
      return fail(call.args[0]->getLoc(),
                  name + "() of " + shape.str() + " is not supported yet");
    rank = shape.getRank();
    element = shape.getElement();
  } else {
    bool integers = shape.isInteger() ||
                    (shape.is(Type::Kind::Tuple) &&
                     llvm::all_of(shape.getElements(),
                                  [](const Type &t) { return t.isInteger(); }));
    if (!integers)
      return fail(call.args[0]->getLoc(),
                  "an array shape is an int or a tuple of ints, not " +
                      shape.str());
    rank = shape.is(Type::Kind::Tuple) ? shape.getElements().size() : 1;
    if (rank == 0)
      return fail(call.args[0]->getLoc(), "0-d arrays are not supported yet");
  }
  if (full) {
    Type fill = instance.typeOf(call.args[1].get());
    if (!fill.isNumeric())
      return fail(call.args[1]->getLoc(), name + "() with a fill value of " +
                                              fill.str() +
                                              " is not supported yet");
    // Without a dtype, the fill's: int64, float64 or bool.
    if (!like)
      element = fill;
  }
  const Expr *dtypeExpr =
      call.args.size() == before + 1 ? call.args[before].get() : nullptr;
  for (const Keyword &kw : call.keywords) {
    if (kw.name != "dtype" || dtypeExpr)
      return fail(kw.loc,
                  kw.name == "dtype"
                      ? "argument for 'dtype' given twice"
                      : "unexpected keyword argument '" + kw.name + "'");
    dtypeExpr = kw.value.get();
  }
  if (dtypeExpr) {
    element = arrayElementOf(*dtypeExpr);
    if (!element || element->isUnknown())
      return Type::unknown();
  }
  return Type::array(element.value_or(Type::floating()), rank);
}

Type InstanceWalker::arraySubscript(const Subscript &sub, const Type &array,
                                    const Type &index) {
  // One index per axis from the first; an int drops its axis, a slice
  // keeps it (a view).
  std::vector<Type> parts = index.is(Type::Kind::Tuple)
                                ? index.getElements()
                                : std::vector<Type>{index};
  int dropped = 0;
  for (const Type &part : parts) {
    if (part.is(Type::Kind::Int)) {
      ++dropped;
      continue;
    }
    if (part.is(Type::Kind::Bool))
      return fail(sub.index->getLoc(),
                  "a bool index (a NumPy mask) is not supported yet");
    if (!part.is(Type::Kind::Slice))
      return fail(sub.index->getLoc(),
                  "only integers, slices (`:`), ellipsis (`...`), "
                  "numpy.newaxis (`None`) and integer or boolean arrays are "
                  "valid indices; nmc supports integers and slices, not " +
                      part.str());
  }
  int rank = array.getRank();
  if (static_cast<int>(parts.size()) > rank)
    return fail(sub.getLoc(), "too many indices for array: array is " +
                                  std::to_string(rank) + "-dimensional, but " +
                                  std::to_string(parts.size()) +
                                  " were indexed");
  if (dropped == rank)
    return array.getElement();
  return Type::array(array.getElement(), rank - dropped);
}

void InstanceWalker::checkArrayStore(const Subscript &sub, const Type &array,
                                     const Type &index, const Type &value,
                                     SourceLoc loc) {
  Type target = arraySubscript(sub, array, index);
  if (target.isUnknown())
    return;
  if (!target.is(Type::Kind::Array)) {
    if (!value.isNumeric())
      fail(loc, "cannot store " + value.str() + " into " + array.str());
    return;
  }
  bool fits = value.isNumeric() || (value.is(Type::Kind::Array) &&
                                    value.getRank() <= target.getRank());
  if (!fits)
    fail(loc, "cannot assign " + value.str() + " to a slice of " + array.str() +
                  " (a view " + target.str() + ")");
}

/// The array element type, or the type itself for a scalar operand.
static Type elementOf(const Type &t) {
  return t.is(Type::Kind::Array) ? t.getElement() : t;
}

static int rankOf(const Type &t) {
  return t.is(Type::Kind::Array) ? t.getRank() : 0;
}

Type InstanceWalker::arrayBinaryResult(BinOpKind op, const Type &lhs,
                                       const Type &rhs, SourceLoc loc) {
  Type a = elementOf(lhs), b = elementOf(rhs);
  auto unsupported = [&] {
    return fail(loc, std::string("unsupported operand types for ") + spell(op) +
                         ": " + lhs.str() + " and " + rhs.str());
  };
  if (!a.isNumeric() || !b.isNumeric())
    return unsupported();
  int rank = std::max(rankOf(lhs), rankOf(rhs));
  bool anyFloat = a.is(Type::Kind::Float) || b.is(Type::Kind::Float);
  bool bothBool = a.is(Type::Kind::Bool) && b.is(Type::Kind::Bool);
  Type element;
  switch (op) {
  case BinOpKind::Div:
    element = Type::floating();
    break;
  case BinOpKind::BitAnd:
  case BinOpKind::BitOr:
  case BinOpKind::BitXor:
    if (anyFloat)
      return unsupported();
    element = bothBool ? Type::boolean() : Type::integer();
    break;
  case BinOpKind::LShift:
  case BinOpKind::RShift:
    if (anyFloat)
      return unsupported();
    element = Type::integer();
    break;
  case BinOpKind::MatMul:
    return fail(loc, "'@' of arrays is not supported yet");
  case BinOpKind::Pow:
    // NumPy refuses a negative int exponent: nmc checks a number's once.
    if (!anyFloat && !bothBool && rhs.is(Type::Kind::Array))
      return fail(loc, "an int power whose exponent is an int array is not "
                       "supported yet");
    [[fallthrough]];
  default:
    // NumPy's bool + bool is a logical or, bool - bool an error and
    // bool // bool an int8: none of them are nmc's int arithmetic.
    if (bothBool)
      return fail(loc, std::string("'") + spell(op) +
                           "' of two bool operands, one of them an array, "
                           "is not supported yet");
    element = anyFloat ? Type::floating() : Type::integer();
    break;
  }
  return Type::array(element, rank);
}

Type InstanceWalker::arrayUnaryResult(UnaryOpKind op, const Type &operand,
                                      SourceLoc loc) {
  Type element = operand.getElement();
  switch (op) {
  case UnaryOpKind::Not:
    return fail(loc, "the truth value of an array with more than one element "
                     "is ambiguous; `not` of an array is not supported");
  case UnaryOpKind::Invert:
    if (element.is(Type::Kind::Float))
      return fail(loc, "bad operand type for unary ~: " + operand.str());
    return operand;
  default:
    if (element.is(Type::Kind::Bool))
      return fail(loc, std::string("the NumPy boolean negative, the `") +
                           spell(op) + "` operator, is not supported");
    return operand;
  }
}

Type InstanceWalker::arrayCompareResult(const Compare &cmp, const Type &lhs,
                                        const Type &rhs) {
  if (cmp.ops.size() != 1)
    return fail(cmp.getLoc(), "a chained comparison of arrays asks for the "
                              "truth value of an array, which is ambiguous");
  switch (cmp.ops[0]) {
  case CmpOpKind::In:
  case CmpOpKind::NotIn:
  case CmpOpKind::Is:
  case CmpOpKind::IsNot:
    return fail(cmp.getLoc(), std::string("'") + spell(cmp.ops[0]) +
                                  "' of arrays is not supported yet");
  default:
    break;
  }
  if (!elementOf(lhs).isNumeric() || !elementOf(rhs).isNumeric())
    return fail(cmp.getLoc(), "comparing " + lhs.str() + " and " + rhs.str() +
                                  " is not supported");
  return Type::array(Type::boolean(), std::max(rankOf(lhs), rankOf(rhs)));
}

/// The NumPy result type of reducing an array of `element` by `id`.
static Type reductionResult(BuiltinId id, const Type &element) {
  switch (id) {
  case BuiltinId::NumpyMean:
  case BuiltinId::ArrayMean:
    return Type::floating();
  case BuiltinId::NumpyMin:
  case BuiltinId::NumpyMax:
  case BuiltinId::ArrayMin:
  case BuiltinId::ArrayMax:
    return element;
  default: // sum, prod: bools add up as ints
    return element.is(Type::Kind::Float) ? element : Type::integer();
  }
}

Type InstanceWalker::visitArrayOperand(const Call &call,
                                       const BuiltinInfo &info,
                                       const std::string &name) {
  const Expr &arrayExpr = arrayOperand(call, info.id);
  Type array = visit(arrayExpr);
  if (array.isUnknown() || array.is(Type::Kind::Array))
    return array;
  return fail(arrayExpr.getLoc(),
              name + "() of " + array.str() + " is not supported yet");
}

Type InstanceWalker::callArrayReduction(const Call &call,
                                        const BuiltinInfo &info) {
  // np.sum(a) takes the array; a.sum() is called on it.
  bool method = info.scope == BuiltinScope::Array;
  std::string name = (method ? "" : "numpy.") + std::string(info.name);
  if (!call.keywords.empty())
    return fail(call.keywords.front().loc,
                name + "() with '" + call.keywords.front().name +
                    "=' is not supported yet (only the whole array)");
  if (!checkArgCount(call, method ? 0 : 1, method ? 0 : 1, name))
    return Type::unknown();
  Type array = visitArrayOperand(call, info, name);
  if (array.isUnknown())
    return array;
  return reductionResult(info.id, array.getElement());
}

Type InstanceWalker::callArrayRange(const Call &call, const BuiltinInfo &info) {
  bool linspace = info.id == BuiltinId::NumpyLinspace;
  std::string name = std::string("numpy.") + info.name;
  // linspace's num may be a keyword; nothing else is yet.
  std::vector<const Expr *> args;
  for (const ExprPtr &arg : call.args)
    args.push_back(arg.get());
  for (const Keyword &kw : call.keywords) {
    if (!linspace || kw.name != "num" || args.size() != 2)
      return fail(kw.loc,
                  name + "() with '" + kw.name + "=' is not supported yet");
    args.push_back(kw.value.get());
  }
  size_t min = linspace ? 2 : 1, max = 3;
  if (args.size() < min || args.size() > max)
    return fail(call.getLoc(), name + "() takes " + std::to_string(min) +
                                   " to 3 arguments in the nmc subset");
  bool integers = true;
  for (size_t i = 0; i < args.size(); ++i) {
    Type t = visit(*args[i]);
    if (t.isUnknown())
      return t;
    bool count = linspace && i == 2;
    if (!t.isNumeric() || (count && !t.isInteger()))
      return fail(args[i]->getLoc(), name + "() of " + t.str() + " " +
                                         (count ? "samples " : "") +
                                         "is not supported");
    integers &= t.isInteger();
  }
  instance.boundArgs[&call] = args;
  // arange of ints gives int64, otherwise (and linspace) float64.
  return Type::array(integers && !linspace ? Type::integer() : Type::floating(),
                     1);
}

Type InstanceWalker::callArrayMethod(const Call &call,
                                     const BuiltinInfo &info) {
  bool method = info.scope == BuiltinScope::Array;
  std::string name = (method ? "" : "numpy.") + std::string(info.name);
  if (!call.keywords.empty())
    return fail(call.keywords.front().loc,
                name + "() takes no keyword arguments in the nmc subset");
  size_t arity = info.id == BuiltinId::ArrayCopy ? 0 : 1;
  if (!checkArgCount(call, arity, arity, name))
    return Type::unknown();
  Type array = visitArrayOperand(call, info, name);
  if (array.isUnknown() || info.id != BuiltinId::ArrayFill)
    return array;
  Type value = visit(*call.args[0]);
  if (!value.isUnknown() && !value.isNumeric())
    return fail(call.args[0]->getLoc(),
                "fill() with " + value.str() + " is not supported");
  return value.isUnknown() ? value : Type::none();
}

Type InstanceWalker::callUfunc(const Call &call, const BuiltinInfo &info,
                               const std::string &name,
                               const std::vector<Type> &args) {
  if (!checkArgCount(call, 1, 1, name))
    return Type::unknown();
  const Type &array = args[0];
  // abs keeps the dtype; the others compute in float64.
  if (info.id == BuiltinId::Abs || info.id == BuiltinId::NumpyAbs)
    return array;
  return Type::array(Type::floating(), array.getRank());
}
