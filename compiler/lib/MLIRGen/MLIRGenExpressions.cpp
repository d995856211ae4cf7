//===- MLIRGenExpressions.cpp - Values and expressions to MLIR ------------===//
//
// Python's arithmetic, comparisons and conversions, with its semantics made
// explicit: floor division and modulo signs, ZeroDivisionError, shifts past
// 63 bits, short-circuit evaluation.
//
//===----------------------------------------------------------------------===//

#include "MLIRGenerator.h"

#include "nmc/Sema/Builtins.h"
#include "nmc/Support/RuntimeFunctions.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"

#include <cmath>
#include <functional>

using namespace nmc;
using namespace nmc::mlirgen;

//===----------------------------------------------------------------------===//
// Values
//===----------------------------------------------------------------------===//

mlir::Value MLIRGenerator::convert(mlir::Value v, const Type &from,
                                   const Type &to, SourceLoc l) {
  if (from == to || !v)
    return v;
  mlir::Location location = loc(l);
  auto kindOf = [](const Type &t) { return t.getKind(); };
  if (kindOf(to) == Type::Kind::Float) {
    if (kindOf(from) == Type::Kind::Int)
      return mlir::arith::SIToFPOp::create(builder, location,
                                           builder.getF64Type(), v);
    if (kindOf(from) == Type::Kind::Bool)
      return mlir::arith::UIToFPOp::create(builder, location,
                                           builder.getF64Type(), v);
  }
  if (kindOf(to) == Type::Kind::Int) {
    if (kindOf(from) == Type::Kind::Bool)
      return mlir::arith::ExtUIOp::create(builder, location,
                                          builder.getI64Type(), v);
    if (kindOf(from) == Type::Kind::Float)
      return floatToInt(v, l);
  }
  if (kindOf(to) == Type::Kind::Bool && from.isNumeric())
    return truthy(v, from, l);
  if (v.getType() == storageType(to))
    return v;
  return error(
      l, "internal error: cannot convert " + from.str() + " to " + to.str(),
      storageType(to));
}

Values MLIRGenerator::convertValues(const Values &values, const Type &from,
                                    const Type &to, SourceLoc l) {
  if (!to.is(Type::Kind::Tuple))
    return values.empty() ? Values() : Values{convert(values[0], from, to, l)};
  // Element by element: (1, 2) becomes (1.0, 2) where a tuple variable
  // unified an int with a float.
  Values converted;
  for (size_t i = 0; i < to.getElements().size(); ++i)
    converted.append(convertValues(tupleElement(values, from, i),
                                   from.getElements()[i], to.getElements()[i],
                                   l));
  return converted;
}

Values MLIRGenerator::tupleElement(const Values &values, const Type &tuple,
                                   size_t index) {
  size_t offset = 0;
  for (size_t i = 0; i < index; ++i)
    offset += storageTypes(tuple.getElements()[i]).size();
  size_t count = storageTypes(tuple.getElements()[index]).size();
  return Values(values.begin() + offset, values.begin() + offset + count);
}

Values MLIRGenerator::selectTupleElement(const Values &values,
                                         const Type &tuple, mlir::Value k,
                                         mlir::Location l) {
  size_t n = tuple.getElements().size();
  size_t width = values.size() / n;
  Values element(values.end() - width, values.end());
  for (size_t i = n - 1; i-- > 0;) {
    mlir::Value isI = mlir::arith::CmpIOp::create(
        builder, l, mlir::arith::CmpIPredicate::eq, k, constInt(i, l));
    for (size_t w = 0; w < width; ++w)
      element[w] = mlir::arith::SelectOp::create(
          builder, l, isI, values[i * width + w], element[w]);
  }
  return element;
}

Values MLIRGenerator::genTupleSubscript(const Subscript &sub) {
  Type container = typeOf(*sub.value);
  Values values = genValues(*sub.value);
  if (instance->tupleIndices.count(&sub))
    return tupleElement(values, container, instance->tupleIndices.lookup(&sub));
  // An index known only at run time, into a tuple of one element type:
  // Python's wrapping of negative indices and its IndexError.
  mlir::Location l = loc(sub.getLoc());
  mlir::Value n = constInt(container.getElements().size(), l);
  mlir::Value k = genAs(*sub.index, Type::integer());
  mlir::Value negative = mlir::arith::CmpIOp::create(
      builder, l, mlir::arith::CmpIPredicate::slt, k, constInt(0, l));
  k = mlir::arith::SelectOp::create(
      builder, l, negative, mlir::arith::AddIOp::create(builder, l, k, n), k);
  mlir::Value outside = mlir::arith::OrIOp::create(
      builder, l,
      mlir::arith::CmpIOp::create(builder, l, mlir::arith::CmpIPredicate::slt,
                                  k, constInt(0, l)),
      mlir::arith::CmpIOp::create(builder, l, mlir::arith::CmpIPredicate::sge,
                                  k, n));
  raiseIf(outside, "IndexError", "tuple index out of range", sub.getLoc());
  return selectTupleElement(values, container, k, l);
}

mlir::Value MLIRGenerator::floatToInt(mlir::Value v, SourceLoc l) {
  // Python raises where a float has no int64 value; fptosi would give
  // poison.
  mlir::Location location = loc(l);
  using Pred = mlir::arith::CmpFPredicate;
  auto cmp = [&](Pred pred, mlir::Value a, mlir::Value b) -> mlir::Value {
    return mlir::arith::CmpFOp::create(builder, location, pred, a, b);
  };
  raiseIf(cmp(Pred::UNO, v, v), "ValueError",
          "cannot convert float NaN to integer", l);
  mlir::Value magnitude = mlir::math::AbsFOp::create(builder, location, v);
  raiseIf(cmp(Pred::OEQ, magnitude, constFloat(INFINITY, location)),
          "OverflowError", "cannot convert float infinity to integer", l);
  // [-2^63, 2^63) converts; 2^63 and beyond do not fit int64.
  raiseIf(mlir::arith::OrIOp::create(
              builder, location,
              cmp(Pred::OGE, v, constFloat(0x1p63, location)),
              cmp(Pred::OLT, v, constFloat(-0x1p63, location))),
          "OverflowError", "Python int too large to convert to C long", l);
  return mlir::arith::FPToSIOp::create(builder, location, builder.getI64Type(),
                                       v);
}

mlir::Value MLIRGenerator::truthy(mlir::Value v, const Type &t, SourceLoc l) {
  mlir::Location location = loc(l);
  switch (t.getKind()) {
  case Type::Kind::Bool:
    return v;
  case Type::Kind::Int:
    return mlir::arith::CmpIOp::create(builder, location,
                                       mlir::arith::CmpIPredicate::ne, v,
                                       constInt(0, location));
  case Type::Kind::Float:
    return mlir::arith::CmpFOp::create(builder, location,
                                       mlir::arith::CmpFPredicate::UNE, v,
                                       constFloat(0.0, location));
  default:
    return error(l, "the truth value of " + t.str() + " is not supported yet",
                 builder.getI1Type());
  }
}

mlir::Value MLIRGenerator::genAs(const Expr &expr, const Type &to) {
  return convert(gen(expr), typeOf(expr), to, expr.getLoc());
}

Values MLIRGenerator::genValuesAs(const Expr &expr, const Type &to) {
  return convertValues(genValues(expr), typeOf(expr), to, expr.getLoc());
}

Values MLIRGenerator::genValues(const Expr &expr) {
  Type t = typeOf(expr);
  if (!t.is(Type::Kind::Tuple)) {
    mlir::Value v = gen(expr);
    return v ? Values{v} : Values();
  }
  if (auto *literal = dyn_cast<Tuple>(&expr)) {
    Values values;
    for (const ExprPtr &elt : literal->elts)
      values.append(genValues(*elt));
    return values;
  }
  if (auto *name = dyn_cast<Name>(&expr))
    return readVariable(name->id, t, name->getLoc());
  if (auto *ifExp = dyn_cast<IfExp>(&expr))
    return genIfExpValues(*ifExp);
  if (auto *call = dyn_cast<Call>(&expr)) {
    if (instance->callees.count(call))
      return callFunction(*call);
    return genDivmod(*call);
  }
  if (auto *attr = dyn_cast<Attribute>(&expr); attr && attr->attr == "shape") {
    mlir::Location l = loc(attr->getLoc());
    mlir::Value array = gen(*attr->value);
    Values dims;
    for (size_t d = 0; d < t.getElements().size(); ++d)
      dims.push_back(
          fromIndex(mlir::memref::DimOp::create(builder, l, array, d), l));
    return dims;
  }
  if (auto *sub = dyn_cast<Subscript>(&expr))
    return genTupleSubscript(*sub);
  error(expr.getLoc(), "tuple values of this form are not supported yet");
  return {};
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

mlir::Value MLIRGenerator::gen(const Expr &expr) {
  mlir::Location l = loc(expr.getLoc());
  if (isElementwise(expr))
    return genArrayExpression(expr);
  switch (expr.getKind()) {
  case Expr::Kind::IntLit:
    return constInt(cast<IntLit>(expr).value, l);
  case Expr::Kind::FloatLit:
    return constFloat(cast<FloatLit>(expr).value, l);
  case Expr::Kind::BoolLit:
    return constBool(cast<BoolLit>(expr).value, l);
  case Expr::Kind::StrLit: {
    const std::string &text = cast<StrLit>(expr).value;
    // The runtime prints C strings.
    if (text.find('\0') != std::string::npos)
      return error(expr.getLoc(),
                   "strings containing NUL characters are not "
                   "supported yet",
                   mlir::nm::StrType::get(&context));
    return stringConstant(text, l);
  }
  case Expr::Kind::NoneLit:
    return {};
  case Expr::Kind::Name:
    return genName(cast<Name>(expr));
  case Expr::Kind::Attribute:
    return genAttribute(cast<Attribute>(expr));
  case Expr::Kind::Subscript:
    return genSubscript(cast<Subscript>(expr));
  case Expr::Kind::Call:
    return genCall(cast<Call>(expr));
  case Expr::Kind::BinOp: {
    auto &bin = cast<BinOp>(expr);
    if (instance->formatTemplates.count(&bin))
      return genPercentFormat(bin);
    mlir::Value lhs = gen(*bin.lhs);
    mlir::Value rhs = gen(*bin.rhs);
    return genBinary(bin.op, lhs, typeOf(*bin.lhs), rhs, typeOf(*bin.rhs),
                     typeOf(bin), bin.getLoc());
  }
  case Expr::Kind::UnaryOp:
    return genUnary(cast<UnaryOp>(expr));
  case Expr::Kind::BoolOp:
    return genBoolOp(cast<BoolOp>(expr));
  case Expr::Kind::Compare:
    return genCompare(cast<Compare>(expr));
  case Expr::Kind::IfExp:
    return genIfExp(cast<IfExp>(expr));
  case Expr::Kind::ListComp:
    return genListComp(cast<ListComp>(expr));
  case Expr::Kind::List: {
    Type listType = typeOf(expr);
    llvm::SmallVector<mlir::Value> elements;
    for (const ExprPtr &elt : cast<List>(expr).elts)
      elements.push_back(genAs(*elt, listType.getElement()));
    return mlir::nm::ListFromElementsOp::create(
        builder, l, storageType(listType), elements);
  }
  case Expr::Kind::FormattedString:
    return genFormattedString(cast<FormattedString>(expr));
  case Expr::Kind::Slice:
  case Expr::Kind::Tuple:
  case Expr::Kind::Lambda: // only a sort key, generated by genSortKey
    return error(expr.getLoc(), "this expression is not supported yet here");
  }
  return {};
}

mlir::Value MLIRGenerator::genStrFormat(const Call &call) {
  // Every argument first, in source order, as Python evaluates them.
  const auto &bound = instance->boundArgs.lookup(&call);
  llvm::SmallVector<mlir::Value> values;
  llvm::SmallVector<Type> types;
  for (const Expr *arg : bound) {
    values.push_back(gen(*arg));
    types.push_back(typeOf(*arg));
  }
  return genTemplate(call, values, types);
}

mlir::Value MLIRGenerator::genPercentFormat(const BinOp &bin) {
  Type valuesType = typeOf(*bin.rhs);
  Values rhs = genValues(*bin.rhs);
  llvm::SmallVector<mlir::Value> values;
  llvm::SmallVector<Type> types;
  if (valuesType.is(Type::Kind::Tuple)) {
    for (size_t i = 0; i < valuesType.getElements().size(); ++i) {
      Values element = tupleElement(rhs, valuesType, i);
      values.push_back(element.empty() ? mlir::Value() : element[0]);
      types.push_back(valuesType.getElements()[i]);
    }
  } else {
    values.push_back(rhs.empty() ? mlir::Value() : rhs[0]);
    types.push_back(valuesType);
  }
  return genTemplate(bin, values, types);
}

mlir::Value MLIRGenerator::genTemplate(const Expr &expr,
                                       llvm::ArrayRef<mlir::Value> values,
                                       llvm::ArrayRef<Type> types) {
  mlir::Location l = loc(expr.getLoc());
  std::function<mlir::Value(const std::vector<sema::FormatPiece> &)> join =
      [&](const std::vector<sema::FormatPiece> &pieces) -> mlir::Value {
    llvm::SmallVector<mlir::Value> parts;
    for (const sema::FormatPiece &piece : pieces) {
      if (piece.argument < 0) {
        parts.push_back(stringConstant(piece.text, l));
        continue;
      }
      mlir::Value spec = piece.spec.empty() ? mlir::Value() : join(piece.spec);
      mlir::Value value = values[piece.argument];
      Type type = types[piece.argument];
      char conversion = piece.conversion;
      // `%d` of a float formats int(x).
      if (conversion == 'd') {
        value = convert(value, type, Type::integer(), expr.getLoc());
        type = Type::integer();
        conversion = 0;
      }
      parts.push_back(formatValue(value, type, conversion, spec, l));
    }
    if (parts.empty())
      return stringConstant("", l);
    if (parts.size() == 1)
      return parts[0];
    return mlir::nm::StrConcatOp::create(
        builder, l, mlir::nm::StrType::get(&context), parts);
  };
  return join(instance->formatTemplates.lookup(&expr));
}

mlir::Value MLIRGenerator::genFormattedString(const FormattedString &fstring) {
  // Fields are evaluated left to right, each value before its spec.
  mlir::Location l = loc(fstring.getLoc());
  llvm::SmallVector<mlir::Value> pieces;
  for (const FormattedString::Part &part : fstring.parts) {
    if (part.value)
      pieces.push_back(
          genFormatted(*part.value, part.conversion, part.spec.get()));
    else if (!part.text.empty())
      pieces.push_back(stringConstant(part.text, l));
  }
  if (pieces.size() == 1)
    return pieces[0];
  return mlir::nm::StrConcatOp::create(
      builder, l, mlir::nm::StrType::get(&context), pieces);
}

mlir::Value MLIRGenerator::genStrOf(const Values &values, const Type &type,
                                    bool repr, mlir::Location l) {
  auto strType = mlir::nm::StrType::get(&context);
  if (type.is(Type::Kind::None))
    return stringConstant("None", l);
  if (type.is(Type::Kind::Str))
    return repr ? mlir::nm::ReprOp::create(builder, l, strType, values[0])
                : values[0];
  if (type.is(Type::Kind::List))
    return mlir::nm::ListReprOp::create(builder, l, strType, values[0]);
  if (!type.is(Type::Kind::Tuple))
    return mlir::nm::FormatOp::create(builder, l, strType, values[0],
                                      stringConstant("", l));
  // (a, 'b'), (a,) and ().
  const std::vector<Type> &elements = type.getElements();
  llvm::SmallVector<mlir::Value> pieces{stringConstant("(", l)};
  for (size_t i = 0; i < elements.size(); ++i) {
    if (i)
      pieces.push_back(stringConstant(", ", l));
    pieces.push_back(
        genStrOf(tupleElement(values, type, i), elements[i], true, l));
  }
  pieces.push_back(stringConstant(elements.size() == 1 ? ",)" : ")", l));
  return mlir::nm::StrConcatOp::create(builder, l, strType, pieces);
}

mlir::Value MLIRGenerator::genFormatted(const Expr &value, char conversion,
                                        const Expr *spec) {
  Type type = typeOf(value);
  if (type.is(Type::Kind::List) || type.is(Type::Kind::Tuple))
    // Type inference allows no spec for these.
    return genStrOf(genValues(value), type, conversion == 'r',
                    loc(value.getLoc()));
  mlir::Value v = gen(value);
  mlir::Value specValue = spec ? gen(*spec) : mlir::Value();
  return formatValue(v, typeOf(value), conversion, specValue,
                     loc(value.getLoc()));
}

mlir::Value MLIRGenerator::formatValue(mlir::Value v, const Type &type,
                                       char conversion, mlir::Value specValue,
                                       mlir::Location l) {
  auto strType = mlir::nm::StrType::get(&context);
  // None has no value; type inference allows it only without a spec.
  if (type.is(Type::Kind::None))
    return stringConstant("None", l);
  auto format = [&](mlir::Value x, mlir::Value withSpec) -> mlir::Value {
    return mlir::nm::FormatOp::create(builder, l, strType, x, withSpec);
  };
  if (conversion == 'r' && type.is(Type::Kind::Str))
    v = mlir::nm::ReprOp::create(builder, l, strType, v);
  else if (conversion && !type.is(Type::Kind::Str))
    // str() and repr() of a number are format(x, '').
    v = format(v, stringConstant("", l));
  bool isStr = mlir::isa<mlir::nm::StrType>(v.getType());
  if (!specValue) {
    // format(s, '') is s itself.
    if (isStr)
      return v;
    specValue = stringConstant("", l);
  }
  return format(v, specValue);
}

mlir::Value MLIRGenerator::genName(const Name &name) {
  Type t = typeOf(name);
  if (!storageType(t))
    return {}; // compile-time value, used through its type
  // `__name__` is "__main__" unless the program binds the name itself.
  if (name.id == "__name__" && !instance->locals.count(name.id) &&
      !program.globalsReadByFunctions.contains(name.id))
    return stringConstant("__main__", loc(name.getLoc()));
  Values values = readVariable(name.id, t, name.getLoc());
  return values.size() == 1 ? values[0] : mlir::Value();
}

mlir::Value MLIRGenerator::genAttribute(const Attribute &attr) {
  mlir::Location l = loc(attr.getLoc());
  Type base = typeOf(*attr.value);
  if (base.is(Type::Kind::Module)) {
    sema::BuiltinLookup found = sema::lookupBuiltin(base.getScope(), attr.attr);
    if (found.info && found.info->rule == sema::BuiltinRule::Constant)
      return constFloat(found.info->value, l);
    if (found.info && found.info->rule == sema::BuiltinRule::Argv)
      return mlir::nm::ArgvOp::create(builder, l, storageType(typeOf(attr)));
    return {}; // a function or communicator, used through its type
  }
  if (base.is(Type::Kind::Comm)) {
    if (attr.attr == "rank")
      return mlir::nm::RankOp::create(builder, l, builder.getI64Type(),
                                      commWorld(l));
    if (attr.attr == "size")
      return mlir::nm::SizeOp::create(builder, l, builder.getI64Type(),
                                      commWorld(l));
    return {};
  }
  if (base.is(Type::Kind::Array)) {
    mlir::Value array = gen(*attr.value);
    if (attr.attr == "T")
      return transposeView(array, l);
    if (attr.attr == "ndim")
      return constInt(base.getRank(), l);
    if (attr.attr == "size") {
      mlir::Value size = constInt(1, l);
      for (int d = 0; d < base.getRank(); ++d)
        size = mlir::arith::MulIOp::create(
            builder, l, size,
            fromIndex(mlir::memref::DimOp::create(builder, l, array, d), l));
      return size;
    }
  }
  return error(attr.getLoc(),
               "attribute '" + attr.attr + "' is not supported here yet");
}

MLIRGenerator::SliceBounds MLIRGenerator::genSliceBounds(mlir::Value n,
                                                         const Slice &slice) {
  mlir::Location l = loc(slice.getLoc());
  using Pred = mlir::arith::CmpIPredicate;
  auto cmp = [&](Pred pred, mlir::Value a, mlir::Value b) -> mlir::Value {
    return mlir::arith::CmpIOp::create(builder, l, pred, a, b);
  };
  auto select = [&](mlir::Value c, mlir::Value a, mlir::Value b) {
    return mlir::arith::SelectOp::create(builder, l, c, a, b).getResult();
  };
  auto add = [&](mlir::Value a, mlir::Value b) -> mlir::Value {
    return mlir::arith::AddIOp::create(builder, l, a, b);
  };
  auto sub = [&](mlir::Value a, mlir::Value b) -> mlir::Value {
    return mlir::arith::SubIOp::create(builder, l, a, b);
  };
  // A part that is absent or None takes its default.
  auto part = [&](const ExprPtr &e) -> mlir::Value {
    if (!e || typeOf(*e).is(Type::Kind::None))
      return {};
    return genAs(*e, Type::integer());
  };
  mlir::Value zero = constInt(0, l), one = constInt(1, l);
  mlir::Value lower = part(slice.lower), upper = part(slice.upper);
  mlir::Value step = part(slice.step);
  if (step)
    raiseIf(cmp(Pred::eq, step, zero), "ValueError",
            "slice step cannot be zero", slice.getLoc());
  else
    step = one;
  // CPython's PySlice_AdjustIndices.
  mlir::Value backwards = cmp(Pred::slt, step, zero);
  mlir::Value minusOne = constInt(-1, l);
  auto clamp = [&](mlir::Value x) {
    mlir::Value wrapped = add(x, n);
    mlir::Value low = select(backwards, minusOne, zero);
    mlir::Value high = select(backwards, sub(n, one), n);
    mlir::Value fromEnd = select(cmp(Pred::slt, wrapped, zero), low, wrapped);
    return select(cmp(Pred::slt, x, zero), fromEnd,
                  select(cmp(Pred::sge, x, n), high, x));
  };
  mlir::Value start =
      lower ? clamp(lower) : select(backwards, sub(n, one), zero);
  mlir::Value stop = upper ? clamp(upper) : select(backwards, minusOne, n);
  auto count = [&](mlir::Value from, mlir::Value to, mlir::Value stride) {
    // (to - from - 1) / stride + 1 elements when from < to, else none.
    mlir::Value span = sub(sub(to, from), one);
    return select(
        cmp(Pred::slt, from, to),
        add(mlir::arith::DivSIOp::create(builder, l, span, stride), one), zero);
  };
  mlir::Value length = select(backwards, count(stop, start, sub(zero, step)),
                              count(start, stop, step));
  return {start, length, step};
}

mlir::Value MLIRGenerator::genSubscript(const Subscript &sub) {
  mlir::Location l = loc(sub.getLoc());
  Type container = typeOf(*sub.value);
  if (container.is(Type::Kind::Tuple)) {
    Values element = genTupleSubscript(sub);
    return element.empty() ? mlir::Value() : element[0];
  }
  if (container.is(Type::Kind::Str)) {
    auto strType = mlir::nm::StrType::get(&context);
    mlir::Value s = gen(*sub.value);
    if (auto *slice = dyn_cast<Slice>(sub.index.get())) {
      mlir::Value n =
          mlir::nm::StrLenOp::create(builder, l, builder.getI64Type(), s);
      auto [start, length, step] = genSliceBounds(n, *slice);
      return mlir::nm::StrMethodOp::create(
          builder, l, strType, mlir::nm::StrMethod::slice,
          mlir::ValueRange{s, start, length, step});
    }
    return mlir::nm::StrMethodOp::create(
        builder, l, strType, mlir::nm::StrMethod::getitem,
        mlir::ValueRange{s, genAs(*sub.index, Type::integer())});
  }
  if (container.is(Type::Kind::Array))
    return genArraySubscript(sub);
  mlir::Value list = gen(*sub.value);
  if (auto *slice = dyn_cast<Slice>(sub.index.get())) {
    auto [start, length, step] = genSliceBounds(
        listLength(list, mlir::nm::ListLenUse::subscript, l), *slice);
    return mlir::nm::ListSliceOp::create(builder, l, list.getType(), list,
                                         start, length, step);
  }
  return mlir::nm::ListGetOp::create(builder, l,
                                     storageType(container.getElement()), list,
                                     genAs(*sub.index, Type::integer()));
}

mlir::Value MLIRGenerator::genBinary(BinOpKind op, mlir::Value lhs,
                                     const Type &lhsType, mlir::Value rhs,
                                     const Type &rhsType,
                                     const Type &resultType, SourceLoc l) {
  auto strType = mlir::nm::StrType::get(&context);
  if (resultType.is(Type::Kind::Str) && op == BinOpKind::Mul) {
    // s * n or n * s.
    bool strFirst = lhsType.is(Type::Kind::Str);
    mlir::Value count = convert(
        strFirst ? rhs : lhs, strFirst ? rhsType : lhsType, Type::integer(), l);
    return mlir::nm::StrMethodOp::create(
        builder, loc(l), strType, mlir::nm::StrMethod::repeat,
        mlir::ValueRange{strFirst ? lhs : rhs, count});
  }
  if (resultType.is(Type::Kind::Str))
    return mlir::nm::StrConcatOp::create(builder, loc(l), strType,
                                         mlir::ValueRange{lhs, rhs});
  if (resultType.is(Type::Kind::List) && lhsType.is(Type::Kind::List) &&
      rhsType.is(Type::Kind::List))
    return mlir::nm::ListConcatOp::create(builder, loc(l),
                                          storageType(resultType), lhs, rhs);
  if (resultType.is(Type::Kind::List)) {
    // [x] * n or n * [x].
    bool listFirst = lhsType.is(Type::Kind::List);
    mlir::Value count =
        convert(listFirst ? rhs : lhs, listFirst ? rhsType : lhsType,
                Type::integer(), l);
    mlir::Value list = listFirst ? lhs : rhs;
    return mlir::nm::ListRepeatOp::create(builder, loc(l), list.getType(), list,
                                          count);
  }
  if (resultType.is(Type::Kind::Bool)) {
    // bool & | ^ bool stays bool.
    mlir::Location location = loc(l);
    switch (op) {
    case BinOpKind::BitAnd:
      return mlir::arith::AndIOp::create(builder, location, lhs, rhs);
    case BinOpKind::BitOr:
      return mlir::arith::OrIOp::create(builder, location, lhs, rhs);
    default:
      return mlir::arith::XOrIOp::create(builder, location, lhs, rhs);
    }
  }
  // Operands are computed in the result type, except that `/` divides
  // ints as floats. A float to an int power is pow() of two floats, as in
  // CPython.
  Type operandType = resultType;
  if (op == BinOpKind::Div)
    operandType = Type::floating();
  mlir::Value a = convert(lhs, lhsType, operandType, l);
  mlir::Value b = convert(rhs, rhsType, operandType, l);
  if (operandType.is(Type::Kind::Float))
    return genFloatBinary(op, a, b, l);
  return genIntBinary(op, a, b, l);
}

mlir::Value MLIRGenerator::genIntBinary(BinOpKind op, mlir::Value a,
                                        mlir::Value b, SourceLoc l) {
  mlir::Location location = loc(l);
  auto checkDivisor = [&] {
    // CPython 3.11's messages for // and %.
    raiseIf(mlir::arith::CmpIOp::create(builder, location,
                                        mlir::arith::CmpIPredicate::eq, b,
                                        constInt(0, location)),
            "ZeroDivisionError",
            op == BinOpKind::Mod ? "integer modulo by zero"
                                 : "integer division or modulo by zero",
            l);
  };
  switch (op) {
  case BinOpKind::Add:
    return mlir::arith::AddIOp::create(builder, location, a, b);
  case BinOpKind::Sub:
    return mlir::arith::SubIOp::create(builder, location, a, b);
  case BinOpKind::Mul:
    return mlir::arith::MulIOp::create(builder, location, a, b);
  case BinOpKind::FloorDiv: {
    checkDivisor();
    // INT64_MIN // -1 overflows the machine division: divide by 1 instead
    // and negate, which wraps as int64 does.
    mlir::Value minusOne = isMinusOne(b, location);
    mlir::Value q = mlir::arith::FloorDivSIOp::create(
        builder, location, a, safeDivisor(b, minusOne, location));
    return mlir::arith::SelectOp::create(
        builder, location, minusOne,
        mlir::arith::SubIOp::create(builder, location, constInt(0, location),
                                    a),
        q);
  }
  case BinOpKind::Mod: {
    checkDivisor();
    // Python's remainder takes the sign of the divisor; x % -1 is 0, which
    // the remainder by 1 gives without the machine's overflow.
    mlir::Value r = mlir::arith::RemSIOp::create(
        builder, location, a,
        safeDivisor(b, isMinusOne(b, location), location));
    mlir::Value signsDiffer = mlir::arith::CmpIOp::create(
        builder, location, mlir::arith::CmpIPredicate::slt,
        mlir::arith::XOrIOp::create(builder, location, r, b),
        constInt(0, location));
    mlir::Value nonzero = mlir::arith::CmpIOp::create(
        builder, location, mlir::arith::CmpIPredicate::ne, r,
        constInt(0, location));
    mlir::Value adjust =
        mlir::arith::AndIOp::create(builder, location, signsDiffer, nonzero);
    return mlir::arith::SelectOp::create(
        builder, location, adjust,
        mlir::arith::AddIOp::create(builder, location, r, b), r);
  }
  case BinOpKind::Pow: {
    // A negative power of 0 has no int value; Numba raises this.
    mlir::Value zeroBase = mlir::arith::CmpIOp::create(
        builder, location, mlir::arith::CmpIPredicate::eq, a,
        constInt(0, location));
    mlir::Value negative = mlir::arith::CmpIOp::create(
        builder, location, mlir::arith::CmpIPredicate::slt, b,
        constInt(0, location));
    raiseIf(mlir::arith::AndIOp::create(builder, location, zeroBase, negative),
            "ZeroDivisionError", "0 cannot be raised to a negative power", l);
    return mlir::math::IPowIOp::create(builder, location, a, b);
  }
  case BinOpKind::LShift:
  case BinOpKind::RShift: {
    raiseIf(mlir::arith::CmpIOp::create(builder, location,
                                        mlir::arith::CmpIPredicate::slt, b,
                                        constInt(0, location)),
            "ValueError", "negative shift count", l);
    // Shifting by 64 or more: right gives the sign, left wraps to 0.
    if (op == BinOpKind::RShift)
      return mlir::arith::ShRSIOp::create(
          builder, location, a,
          mlir::arith::MinSIOp::create(builder, location, b,
                                       constInt(63, location)));
    mlir::Value tooFar = mlir::arith::CmpIOp::create(
        builder, location, mlir::arith::CmpIPredicate::sgt, b,
        constInt(63, location));
    return mlir::arith::SelectOp::create(
        builder, location, tooFar, constInt(0, location),
        mlir::arith::ShLIOp::create(builder, location, a, b));
  }
  case BinOpKind::BitAnd:
    return mlir::arith::AndIOp::create(builder, location, a, b);
  case BinOpKind::BitOr:
    return mlir::arith::OrIOp::create(builder, location, a, b);
  case BinOpKind::BitXor:
    return mlir::arith::XOrIOp::create(builder, location, a, b);
  case BinOpKind::Div:
  case BinOpKind::MatMul:
    break;
  }
  return error(l, "internal error: bad integer operator", a.getType());
}

mlir::Value MLIRGenerator::isMinusOne(mlir::Value b, mlir::Location l) {
  return mlir::arith::CmpIOp::create(builder, l, mlir::arith::CmpIPredicate::eq,
                                     b, constInt(-1, l));
}

mlir::Value MLIRGenerator::safeDivisor(mlir::Value b, mlir::Value minusOne,
                                       mlir::Location l) {
  return mlir::arith::SelectOp::create(builder, l, minusOne, constInt(1, l), b);
}

mlir::Value MLIRGenerator::genFloatBinary(BinOpKind op, mlir::Value a,
                                          mlir::Value b, SourceLoc l) {
  mlir::Location location = loc(l);
  auto fm = fastmath();
  auto checkDivisor = [&](llvm::StringRef message) {
    raiseIf(mlir::arith::CmpFOp::create(builder, location,
                                        mlir::arith::CmpFPredicate::OEQ, b,
                                        constFloat(0.0, location)),
            "ZeroDivisionError", message, l);
  };
  switch (op) {
  case BinOpKind::Add:
    return mlir::arith::AddFOp::create(builder, location, a, b, fm);
  case BinOpKind::Sub:
    return mlir::arith::SubFOp::create(builder, location, a, b, fm);
  case BinOpKind::Mul:
    return mlir::arith::MulFOp::create(builder, location, a, b, fm);
  case BinOpKind::Div:
    checkDivisor("float division by zero");
    return mlir::arith::DivFOp::create(builder, location, a, b, fm);
  case BinOpKind::FloorDiv: {
    checkDivisor("float floor division by zero");
    mlir::Value floorDiv;
    floatDivmod(a, b, floorDiv, location);
    return floorDiv;
  }
  case BinOpKind::Mod: {
    checkDivisor("float modulo");
    mlir::Value floorDiv;
    return floatDivmod(a, b, floorDiv, location);
  }
  case BinOpKind::Pow:
    return mlir::math::PowFOp::create(builder, location, a, b, fm);
  default:
    break;
  }
  return error(l, "internal error: bad float operator", a.getType());
}

mlir::Value MLIRGenerator::floatDivmod(mlir::Value a, mlir::Value b,
                                       mlir::Value &floorDiv,
                                       mlir::Location location) {
  auto fm = fastmath();
  // CPython's float_divmod, signed zeros included: the remainder takes the
  // divisor's sign and the quotient is rounded to the nearest integer.
  auto cmp = [&](mlir::arith::CmpFPredicate pred, mlir::Value x,
                 mlir::Value y) -> mlir::Value {
    return mlir::arith::CmpFOp::create(builder, location, pred, x, y);
  };
  auto select = [&](mlir::Value c, mlir::Value x, mlir::Value y) {
    return mlir::arith::SelectOp::create(builder, location, c, x, y)
        .getResult();
  };
  using Pred = mlir::arith::CmpFPredicate;
  mlir::Value zero = constFloat(0.0, location);
  mlir::Value one = constFloat(1.0, location);
  mlir::Value mod = mlir::arith::RemFOp::create(builder, location, a, b, fm);
  mlir::Value div = mlir::arith::DivFOp::create(
      builder, location,
      mlir::arith::SubFOp::create(builder, location, a, mod, fm), b, fm);
  mlir::Value modIsZero = cmp(Pred::OEQ, mod, zero);
  mlir::Value adjust = mlir::arith::AndIOp::create(
      builder, location,
      mlir::arith::XOrIOp::create(builder, location, cmp(Pred::OLT, b, zero),
                                  cmp(Pred::OLT, mod, zero)),
      cmp(Pred::UNE, mod, zero));
  div =
      select(adjust,
             mlir::arith::SubFOp::create(builder, location, div, one, fm), div);
  mod = select(adjust,
               mlir::arith::AddFOp::create(builder, location, mod, b, fm), mod);
  mod = select(modIsZero,
               mlir::math::CopySignOp::create(builder, location, zero, b), mod);
  mlir::Value rounded = mlir::math::FloorOp::create(builder, location, div);
  mlir::Value roundUp =
      cmp(Pred::OGT,
          mlir::arith::SubFOp::create(builder, location, div, rounded, fm),
          constFloat(0.5, location));
  rounded = select(
      roundUp, mlir::arith::AddFOp::create(builder, location, rounded, one, fm),
      rounded);
  mlir::Value quotient =
      mlir::arith::DivFOp::create(builder, location, a, b, fm);
  floorDiv =
      select(cmp(Pred::OEQ, div, zero),
             mlir::math::CopySignOp::create(builder, location, zero, quotient),
             rounded);
  return mod;
}

mlir::Value MLIRGenerator::genUnary(const UnaryOp &un) {
  mlir::Location l = loc(un.getLoc());
  Type operandType = typeOf(*un.operand);
  Type resultType = typeOf(un);
  mlir::Value v = gen(*un.operand);
  switch (un.op) {
  case UnaryOpKind::Not:
    return mlir::arith::XOrIOp::create(
        builder, l, truthy(v, operandType, un.getLoc()), constBool(true, l));
  case UnaryOpKind::Pos:
    return convert(v, operandType, resultType, un.getLoc());
  case UnaryOpKind::Neg:
    v = convert(v, operandType, resultType, un.getLoc());
    if (resultType.is(Type::Kind::Float))
      return mlir::arith::NegFOp::create(builder, l, v, fastmath());
    return mlir::arith::SubIOp::create(builder, l, constInt(0, l), v);
  case UnaryOpKind::Invert:
    v = convert(v, operandType, Type::integer(), un.getLoc());
    return mlir::arith::XOrIOp::create(builder, l, v, constInt(-1, l));
  }
  return {};
}

/// The arith predicates of a Python comparison, for floats and for ints.
/// Comparisons with NaN are false, except !=.
static std::optional<
    std::pair<mlir::arith::CmpFPredicate, mlir::arith::CmpIPredicate>>
comparePredicates(CmpOpKind op) {
  using F = mlir::arith::CmpFPredicate;
  using I = mlir::arith::CmpIPredicate;
  switch (op) {
  case CmpOpKind::Eq:
    return {{F::OEQ, I::eq}};
  case CmpOpKind::NotEq:
    return {{F::UNE, I::ne}};
  case CmpOpKind::Lt:
    return {{F::OLT, I::slt}};
  case CmpOpKind::LtE:
    return {{F::OLE, I::sle}};
  case CmpOpKind::Gt:
    return {{F::OGT, I::sgt}};
  case CmpOpKind::GtE:
    return {{F::OGE, I::sge}};
  default:
    return std::nullopt;
  }
}

mlir::Value MLIRGenerator::genCompareOp(CmpOpKind op, mlir::Value lhs,
                                        const Type &lhsType, mlir::Value rhs,
                                        const Type &rhsType, SourceLoc l) {
  if (lhsType.is(Type::Kind::Str) && rhsType.is(Type::Kind::Str))
    return genStrCompare(op, lhs, rhs, l);
  if (rhsType.is(Type::Kind::List)) {
    // `x in l`, with x widened to the element type as == compares it.
    mlir::Location location = loc(l);
    Type element = rhsType.getElement();
    mlir::Value found = mlir::nm::ListSearchOp::create(
        builder, location, builder.getI64Type(), rhs,
        convert(lhs, lhsType, element, l), mlir::nm::ListSearchKind::contains,
        insideNjit());
    return mlir::arith::CmpIOp::create(builder, location,
                                       op == CmpOpKind::In
                                           ? mlir::arith::CmpIPredicate::ne
                                           : mlir::arith::CmpIPredicate::eq,
                                       found, constInt(0, location));
  }
  auto predicates = comparePredicates(op);
  if (!predicates)
    return error(l, "comparison not supported yet", builder.getI1Type());
  mlir::Location location = loc(l);
  Type common = sema::promoteNumeric(lhsType, rhsType);
  mlir::Value a = convert(lhs, lhsType, common, l);
  mlir::Value b = convert(rhs, rhsType, common, l);
  if (common.is(Type::Kind::Float))
    return mlir::arith::CmpFOp::create(builder, location, predicates->first, a,
                                       b);
  return mlir::arith::CmpIOp::create(builder, location, predicates->second, a,
                                     b);
}

mlir::Value MLIRGenerator::genStrCompare(CmpOpKind op, mlir::Value lhs,
                                         mlir::Value rhs, SourceLoc l) {
  mlir::Location location = loc(l);
  if (op == CmpOpKind::In || op == CmpOpKind::NotIn) {
    mlir::Value found = mlir::nm::StrContainsOp::create(
        builder, location, builder.getI1Type(), rhs, lhs);
    if (op == CmpOpKind::In)
      return found;
    return mlir::arith::XOrIOp::create(builder, location, found,
                                       constBool(true, location));
  }
  // nm.str_compare gives the sign of the order; == is 0, < is negative.
  mlir::Value order = mlir::nm::StrCompareOp::create(
      builder, location, builder.getI64Type(), lhs, rhs);
  return mlir::arith::CmpIOp::create(builder, location,
                                     comparePredicates(op)->second, order,
                                     constInt(0, location));
}

mlir::Value MLIRGenerator::genShortCircuit(
    mlir::Value cond, bool shortCircuitWhen, mlir::Value early,
    llvm::function_ref<mlir::Value()> genRest, SourceLoc l) {
  mlir::Location location = loc(l);
  mlir::Block *rest = createBlock();
  mlir::Block *merge = createBlock();
  mlir::Value result = merge->addArgument(early.getType(), location);
  if (shortCircuitWhen)
    mlir::cf::CondBranchOp::create(builder, location, cond, merge,
                                   mlir::ValueRange{early}, rest,
                                   mlir::ValueRange{});
  else
    mlir::cf::CondBranchOp::create(builder, location, cond, rest,
                                   mlir::ValueRange{}, merge,
                                   mlir::ValueRange{early});
  sealBlock(rest);
  builder.setInsertionPointToEnd(rest);
  mlir::Value late = genRest();
  mlir::cf::BranchOp::create(builder, location, merge, mlir::ValueRange{late});
  sealBlock(merge);
  builder.setInsertionPointToEnd(merge);
  return result;
}

mlir::Value MLIRGenerator::genCompare(const Compare &cmp) {
  auto constant = instance->constantConditions.find(&cmp);
  if (constant != instance->constantConditions.end())
    return constBool(constant->second, loc(cmp.getLoc()));
  // a < b < c is (a < b) and (b < c), with b evaluated once.
  std::function<mlir::Value(mlir::Value, const Type &, size_t)> chain =
      [&](mlir::Value lhs, const Type &lhsType, size_t i) -> mlir::Value {
    const Expr &right = *cmp.comparators[i];
    mlir::Value rhs = gen(right);
    Type rhsType = typeOf(right);
    mlir::Value result =
        genCompareOp(cmp.ops[i], lhs, lhsType, rhs, rhsType, cmp.getLoc());
    if (i + 1 == cmp.ops.size())
      return result;
    return genShortCircuit(
        result, false, result, [&] { return chain(rhs, rhsType, i + 1); },
        cmp.getLoc());
  };
  return chain(gen(*cmp.left), typeOf(*cmp.left), 0);
}

mlir::Value MLIRGenerator::genBoolOp(const BoolOp &boolOp) {
  Type resultType = typeOf(boolOp);
  bool isOr = boolOp.op == BoolOpKind::Or;
  std::function<mlir::Value(size_t)> chain = [&](size_t i) -> mlir::Value {
    const Expr &operand = *boolOp.values[i];
    mlir::Value v = gen(operand);
    mlir::Value asResult =
        convert(v, typeOf(operand), resultType, operand.getLoc());
    if (i + 1 == boolOp.values.size())
      return asResult;
    mlir::Value cond = truthy(v, typeOf(operand), operand.getLoc());
    // `a or b` is a when a is true; `a and b` is a when a is false.
    return genShortCircuit(
        cond, isOr, asResult, [&] { return chain(i + 1); }, operand.getLoc());
  };
  return chain(0);
}

mlir::Value MLIRGenerator::genIfExp(const IfExp &ifExp) {
  Values result = genIfExpValues(ifExp);
  return result.empty() ? mlir::Value() : result[0];
}

Values MLIRGenerator::genIfExpValues(const IfExp &ifExp) {
  mlir::Location l = loc(ifExp.getLoc());
  Type resultType = typeOf(ifExp);
  mlir::Value cond =
      truthy(gen(*ifExp.test), typeOf(*ifExp.test), ifExp.getLoc());
  mlir::Block *thenBlock = createBlock();
  mlir::Block *elseBlock = createBlock();
  mlir::Block *merge = createBlock();
  // None has no value to merge; the branches still run for their effects.
  Values result;
  for (mlir::Type type : storageTypes(resultType))
    result.push_back(merge->addArgument(type, l));
  mlir::cf::CondBranchOp::create(builder, l, cond, thenBlock, elseBlock);
  sealBlock(thenBlock);
  sealBlock(elseBlock);
  builder.setInsertionPointToEnd(thenBlock);
  mlir::cf::BranchOp::create(builder, l, merge,
                             genValuesAs(*ifExp.body, resultType));
  builder.setInsertionPointToEnd(elseBlock);
  mlir::cf::BranchOp::create(builder, l, merge,
                             genValuesAs(*ifExp.orelse, resultType));
  sealBlock(merge);
  builder.setInsertionPointToEnd(merge);
  return result;
}
