//===- NMOps.cpp - Verifiers and folders of the nm dialect ----------------===//

#include "nm/IR/NMOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::nm;

/// A gathered list holds the values' type.
static LogicalResult verifyGatheredList(Operation *op, Type value,
                                        ListType list) {
  if (list.getElementType() != value)
    return op->emitOpError("gathers ")
           << value << " values into a list of " << list.getElementType();
  return success();
}

LogicalResult GatherOp::verify() {
  return verifyGatheredList(*this, getValue().getType(), getType());
}

LogicalResult AllgatherOp::verify() {
  return verifyGatheredList(*this, getValue().getType(), getType());
}

/// A reduction's kind suits its element type.
static LogicalResult verifyReduction(Operation *op, ReduceKind kind,
                                     Type type) {
  bool logical = kind == ReduceKind::land || kind == ReduceKind::lor;
  if (logical && !type.isInteger())
    return op->emitOpError("logical reduction ")
           << stringifyReduceKind(kind) << " needs an integer or i1 value";
  // Python sums bools into ints: the value must be widened first.
  if ((kind == ReduceKind::sum || kind == ReduceKind::prod) &&
      type.isInteger(1))
    return op->emitOpError("arithmetic reduction ")
           << stringifyReduceKind(kind) << " of i1 values";
  return success();
}

LogicalResult AllreduceOp::verify() {
  return verifyReduction(*this, getKind(), getValue().getType());
}

LogicalResult ScanOp::verify() {
  return verifyReduction(*this, getKind(), getValue().getType());
}

LogicalResult ListType::verify(function_ref<InFlightDiagnostic()> emitError,
                               Type elementType) {
  if (!elementType.isInteger(64) && !elementType.isF64() &&
      !elementType.isInteger(1) && !isa<StrType>(elementType))
    return emitError() << "a list holds i64, f64, i1 or !nm.str values, not "
                       << elementType;
  return success();
}

LogicalResult StrMethodOp::verify() {
  Builder b(getContext());
  Type i64 = b.getI64Type();
  Type str = StrType::get(getContext());
  Type strList = ListType::get(getContext(), str);
  // The operand lists a method takes (absent chars and sep are whitespace)
  // and its result.
  SmallVector<SmallVector<Type>, 2> forms;
  Type result = str;
  switch (getMethod()) {
  case StrMethod::upper:
  case StrMethod::lower:
    forms = {{str}};
    break;
  case StrMethod::strip:
  case StrMethod::lstrip:
  case StrMethod::rstrip:
    forms = {{str}, {str, str}};
    break;
  case StrMethod::startswith:
  case StrMethod::endswith:
    forms = {{str, str}};
    result = b.getI1Type();
    break;
  case StrMethod::replace:
    forms = {{str, str, str, i64}};
    break;
  case StrMethod::split:
    forms = {{str, i64}, {str, str, i64}};
    result = strList;
    break;
  case StrMethod::join:
    forms = {{str, strList}};
    break;
  case StrMethod::repeat:
  case StrMethod::getitem:
    forms = {{str, i64}};
    break;
  case StrMethod::slice:
    forms = {{str, i64, i64, i64}};
    break;
  }
  SmallVector<Type> operands(getOperandTypes());
  if (!llvm::is_contained(forms, operands))
    return emitOpError() << "has operands of the wrong number or types for "
                         << stringifyStrMethod(getMethod());
  if (getResult().getType() != result)
    return emitOpError() << "of " << stringifyStrMethod(getMethod())
                         << " must give " << result;
  return success();
}

LogicalResult LibraryCallOp::verify() {
  Builder b(getContext());
  Type i64 = b.getI64Type(), f64 = b.getF64Type();
  Type str = StrType::get(getContext());
  SmallVector<Type> operands;
  Type result;
  switch (getFunction()) {
  case LibraryFunction::gcd:
  case LibraryFunction::round_int_digits:
    operands = {i64, i64};
    result = i64;
    break;
  case LibraryFunction::factorial:
    operands = {i64};
    result = i64;
    break;
  case LibraryFunction::pow_mod:
    operands = {i64, i64, i64};
    result = i64;
    break;
  case LibraryFunction::round_digits:
  case LibraryFunction::round_digits_numba:
    operands = {f64, i64};
    result = f64;
    break;
  case LibraryFunction::isclose:
    operands = {f64, f64, f64, f64};
    result = b.getI1Type();
    break;
  case LibraryFunction::fsum:
  case LibraryFunction::sum:
  case LibraryFunction::min:
  case LibraryFunction::max: {
    // A list of numbers, or a 1-d array of float64.
    StringRef name = stringifyLibraryFunction(getFunction());
    if (getOperands().size() != 1)
      return emitOpError() << name << " takes one operand";
    Type t = getOperands()[0].getType();
    auto memref = dyn_cast<MemRefType>(t);
    auto list = dyn_cast<ListType>(t);
    if (!(list && !isa<StrType>(list.getElementType())) &&
        !(memref && memref.getRank() == 1 && memref.getElementType() == f64))
      return emitOpError()
             << name << " needs a list of numbers or a 1-d f64 memref, not "
             << t;
    operands = {t};
    Type element = list ? list.getElementType() : f64;
    result = getFunction() == LibraryFunction::fsum ? f64
             : getFunction() == LibraryFunction::sum && element.isInteger(1)
                 ? i64
                 : element;
    break;
  }
  case LibraryFunction::pairwise_sum: {
    auto memref = dyn_cast<MemRefType>(
        getOperands().empty() ? Type() : getOperands()[0].getType());
    if (getOperands().size() != 1 || !memref || memref.getRank() != 1 ||
        memref.getElementType() != f64)
      return emitOpError() << "pairwise_sum needs one 1-d f64 memref";
    operands = {memref};
    result = f64;
    break;
  }
  case LibraryFunction::int_from_str:
    operands = {str};
    result = i64;
    break;
  case LibraryFunction::float_from_str:
    operands = {str};
    result = f64;
    break;
  }
  if (TypeRange(getOperands()) != TypeRange(operands) ||
      getResult().getType() != result)
    return emitOpError() << stringifyLibraryFunction(getFunction())
                         << " has the type "
                         << b.getFunctionType(operands, result);
  return success();
}

LogicalResult ListFromElementsOp::verify() {
  Type element = getResult().getType().getElementType();
  for (Value v : getElements())
    if (v.getType() != element)
      return emitOpError("element of type ")
             << v.getType() << " in a list of " << element;
  return success();
}

LogicalResult ListRangeOp::verify() {
  if (!getResult().getType().getElementType().isInteger(64))
    return emitOpError("makes a list of i64, not ") << getResult().getType();
  return success();
}

LogicalResult ListUnpackOp::verify() {
  Type element = getList().getType().getElementType();
  for (Value v : getElements())
    if (v.getType() != element)
      return emitOpError("result of type ")
             << v.getType() << " from a list of " << element;
  return success();
}

/// The list literal `list` is, if nothing can change it: its only users
/// read it (a list passed on, appended to or stored into may change).
static ListFromElementsOp unchangedLiteral(Value list) {
  auto literal = list.getDefiningOp<ListFromElementsOp>();
  if (!literal)
    return {};
  for (Operation *user : literal->getUsers())
    if (!isa<ListLenOp, ListGetOp, PrintOp>(user))
      return {};
  return literal;
}

OpFoldResult ListLenOp::fold(FoldAdaptor) {
  auto literal = unchangedLiteral(getList());
  if (!literal)
    return {};
  return IntegerAttr::get(getType(), literal.getElements().size());
}

OpFoldResult ListGetOp::fold(FoldAdaptor adaptor) {
  auto literal = unchangedLiteral(getList());
  auto index = dyn_cast_if_present<IntegerAttr>(adaptor.getIndex());
  if (!literal || !index)
    return {};
  // Python's negative indices count from the end; out of range must still
  // raise IndexError at run time, so it is not folded.
  int64_t size = literal.getElements().size();
  int64_t i = index.getInt() < 0 ? index.getInt() + size : index.getInt();
  if (i < 0 || i >= size)
    return {};
  return literal.getElements()[i];
}

#define GET_OP_CLASSES
#include "nm/IR/NMOps.cpp.inc"
