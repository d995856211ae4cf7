//===- TypeExpressions.cpp - Types of expressions
//---------------------------===//

#include "InferenceWalker.h"

#include "llvm/ADT/STLExtras.h"

using namespace nmc;
using namespace nmc::sema;
using namespace nmc::sema::detail;

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

Type InstanceWalker::visit(const Expr &expr) {
  Type t = visitExpr(expr);
  instance.exprTypes[&expr] = t;
  return t;
}

Type InstanceWalker::visitExpr(const Expr &expr) {
  switch (expr.getKind()) {
  case Expr::Kind::IntLit:
    return Type::integer();
  case Expr::Kind::FloatLit:
    return Type::floating();
  case Expr::Kind::StrLit:
    return Type::string();
  case Expr::Kind::BoolLit:
    return Type::boolean();
  case Expr::Kind::NoneLit:
    return Type::none();
  case Expr::Kind::Name:
    return visitName(cast<Name>(expr));
  case Expr::Kind::Attribute:
    return visitAttribute(cast<Attribute>(expr));
  case Expr::Kind::Subscript:
    return visitSubscript(cast<Subscript>(expr));
  case Expr::Kind::Slice: {
    // Each part is an int, or absent (None).
    auto &slice = cast<Slice>(expr);
    for (const ExprPtr *part : {&slice.lower, &slice.upper, &slice.step}) {
      if (!*part)
        continue;
      Type t = visit(**part);
      if (!t.isUnknown() && !t.is(Type::Kind::Int) && !t.is(Type::Kind::Bool) &&
          !t.is(Type::Kind::None))
        return fail((*part)->getLoc(),
                    "slice indices must be integers or None, not " + t.str());
    }
    return Type::slice();
  }
  case Expr::Kind::Call:
    return visitCall(cast<Call>(expr));
  case Expr::Kind::BinOp:
    return visitBinOp(cast<BinOp>(expr));
  case Expr::Kind::UnaryOp:
    return visitUnaryOp(cast<UnaryOp>(expr));
  case Expr::Kind::BoolOp:
    return visitBoolOp(cast<BoolOp>(expr));
  case Expr::Kind::Compare:
    return visitCompare(cast<Compare>(expr));
  case Expr::Kind::IfExp:
    return visitIfExp(cast<IfExp>(expr));
  case Expr::Kind::Tuple: {
    std::vector<Type> elements;
    bool known = true;
    for (const ExprPtr &elt : cast<Tuple>(expr).elts) {
      elements.push_back(visit(*elt));
      known &= !elements.back().isUnknown();
    }
    // A tuple with an untyped element is untyped: `v = (v, 1)` in a loop
    // must not nest a tuple deeper on every walk of it.
    if (!known)
      return Type::unknown();
    return Type::tuple(std::move(elements));
  }
  case Expr::Kind::ListComp:
    return visitListComp(cast<ListComp>(expr));
  case Expr::Kind::List: {
    if (cast<List>(expr).elts.empty())
      return visitEmptyList(cast<List>(expr));
    Type element = Type::unknown();
    for (const ExprPtr &elt : cast<List>(expr).elts) {
      Type t = visit(*elt);
      if (t.isUnknown())
        return t;
      std::optional<Type> unified = unify(element, t);
      if (!t.isListElement() || !unified)
        return fail(elt->getLoc(), "a list literal holds numbers of one "
                                   "kind (bool, int or float) or strs, not " +
                                       t.str());
      element = *unified;
    }
    return Type::list(element);
  }
  case Expr::Kind::FormattedString:
    return visitFormattedString(cast<FormattedString>(expr));
  case Expr::Kind::Lambda:
    return fail(expr.getLoc(),
                "a lambda anywhere but as the key= of sorted() or "
                "list.sort() is not supported yet");
  }
  return Type::unknown();
}

bool InstanceWalker::checkFormattable(const Type &value, bool hasSpec,
                                      SourceLoc loc, llvm::StringRef what) {
  if (value.isUnknown())
    return false;
  if ((value.is(Type::Kind::None) || value.is(Type::Kind::List) ||
       value.is(Type::Kind::Tuple)) &&
      hasSpec) {
    fail(loc, what.str() + " of " + value.str() +
                  " with a format spec is not supported (Python raises "
                  "TypeError)");
    return false;
  }
  if (value.isNumeric() || value.is(Type::Kind::Str) ||
      value.is(Type::Kind::None))
    return true;
  // str() and repr() of lists and tuples of printable values; a spec is
  // Python's TypeError for them.
  if ((value.is(Type::Kind::List) || value.is(Type::Kind::Tuple)) &&
      !value.containsArray())
    return true;
  fail(loc, what.str() + " of " + value.str() + " is not supported yet");
  return false;
}

Type InstanceWalker::visitFormattedString(const FormattedString &fstring) {
  bool known = true;
  for (const FormattedString::Part &part : fstring.parts) {
    if (!part.value)
      continue;
    Type value = visit(*part.value);
    if (part.spec) {
      Type spec = visit(*part.spec);
      known &= !spec.isUnknown();
    }
    known &= checkFormattable(value, part.spec != nullptr, part.value->getLoc(),
                              "formatting");
    // Numba formats ints and strs in f-strings, and nothing else.
    if (insideNjit() && known &&
        ((!value.is(Type::Kind::Int) && !value.is(Type::Kind::Str)) ||
         part.spec || part.conversion)) {
      fail(part.value->getLoc(),
           "an f-string field of " + value.str() +
               (part.spec || part.conversion ? " with a spec or conversion"
                                             : "") +
               " is not supported inside an @njit function (Numba "
               "formats only ints and strs, with no spec)");
      known = false;
    }
  }
  return known ? Type::string() : Type::unknown();
}

Type InstanceWalker::visitName(const Name &name) {
  if (auto it = comprehensionScope.find(name.id);
      it != comprehensionScope.end())
    return it->second;
  if (localNames.contains(name.id)) {
    if (inNjitKeyLambda)
      return fail(name.getLoc(),
                  "a key lambda inside an @njit function cannot read the "
                  "function's variable '" +
                      name.id +
                      "' (Numba cannot compile such a closure; use a "
                      "module-level value)");
    if (auto found = state.conflicts.find(name.id);
        found != state.conflicts.end()) {
      // Name the two types in the order of their assignments.
      TypeConflict conflict = found->second;
      if (std::tie(conflict.secondAssigned.line, conflict.secondAssigned.col) <
          std::tie(conflict.firstAssigned.line, conflict.firstAssigned.col)) {
        std::swap(conflict.first, conflict.second);
        std::swap(conflict.firstAssigned, conflict.secondAssigned);
      }
      llvm::SmallVector<Note, 2> notes;
      if (conflict.firstAssigned.line != 0)
        notes.push_back(
            {conflict.firstAssigned,
             "'" + name.id + "' is given " + conflict.first.str() + " here"});
      if (conflict.secondAssigned.line != 0)
        notes.push_back(
            {conflict.secondAssigned,
             "'" + name.id + "' is given " + conflict.second.str() + " here"});
      return fail(name.getLoc(),
                  "variable '" + name.id + "' holds " + conflict.first.str() +
                      " or " + conflict.second.str() +
                      " here, depending on the path taken, and they do not "
                      "unify",
                  notes);
    }
    auto it = state.types.find(name.id);
    if (it != state.types.end() && !it->second.isUnknown()) {
      // A join gave a variable that held `[]` on one path a list type.
      Type t = it->second;
      if (t.is(Type::Kind::List) && !t.getElement().isUnknown())
        refineEmptyList(name, t, t.getElement(), name.getLoc());
      return t;
    }
    if (poisoned.contains(name.id))
      return Type::unknown();
    // No assignment reaches this read (Python raises UnboundLocalError if
    // it runs); the variable's other assignments give the type.
    if (it == state.types.end()) {
      auto local = instance.locals.find(name.id);
      if (local != instance.locals.end() && !local->second.isUnknown() &&
          !instance.conflictingLocals.contains(name.id))
        return local->second;
    }
    // A local read before any assignment reached it.
    return fail(name.getLoc(), "local variable '" + name.id +
                                   "' is used before it has a type");
  }
  if (!instance.isModuleBody()) {
    Type global = inference.getProgram().globalType(name.id);
    if (!global.isUnknown()) {
      if (global.containsArray())
        return fail(name.getLoc(), "reading module-level " + global.str() +
                                       " '" + name.id +
                                       "' inside a function is not "
                                       "supported yet");
      if (inference.getProgram().moduleBody().conflictingLocals.contains(
              name.id))
        return fail(name.getLoc(),
                    "module-level variable '" + name.id +
                        "' is read inside a function but is assigned "
                        "values of types that do not unify");
      if (global.isRuntime() && !global.is(Type::Kind::None))
        inference.getProgram().globalsReadByFunctions.insert(name.id);
      return global;
    }
  }
  if (name.id == "__name__") // not bound by the program: "__main__"
    return Type::string();
  BuiltinLookup builtin = lookupBuiltin(BuiltinScope::Python, name.id);
  if (builtin.info)
    return Type::builtin(builtin.info->id);
  if (builtin.planned)
    return fail(name.getLoc(), "'" + name.id + "' is not supported yet");
  return fail(name.getLoc(), "name '" + name.id + "' is not defined");
}

Type InstanceWalker::visitAttribute(const Attribute &attr) {
  Type value = visit(*attr.value);
  if (value.isUnknown())
    return value;
  std::optional<BuiltinScope> scope;
  if (value.is(Type::Kind::Module))
    scope = value.getScope();
  else if (value.is(Type::Kind::Comm))
    scope = BuiltinScope::Comm;
  else if (value.is(Type::Kind::Array))
    scope = BuiltinScope::Array;
  else if (value.is(Type::Kind::Builtin) &&
           getBuiltin(value.getBuiltin()).rule == BuiltinRule::Stream)
    scope = BuiltinScope::Stream;
  else if (value.is(Type::Kind::Str))
    scope = BuiltinScope::Str;
  else if (value.is(Type::Kind::List))
    scope = BuiltinScope::List;
  if (!scope)
    return fail(attr.getLoc(), value.str() + " has no attribute '" + attr.attr +
                                   "' in the nmc subset");
  return lookupAttribute(*scope, attr.attr, value, attr.getLoc())
      .value_or(Type::unknown());
}

Type InstanceWalker::visitSubscript(const Subscript &sub) {
  Type container = visit(*sub.value);
  Type index = visit(*sub.index);
  if (container.isUnknown() || index.isUnknown())
    return Type::unknown();
  bool intIndex = index.isNumeric() && !index.is(Type::Kind::Float);
  if (container.is(Type::Kind::Array))
    return arraySubscript(sub, container, index);
  if (container.is(Type::Kind::List) && intIndex)
    return container.getElement();
  // A slice of a list is a new list.
  if (container.is(Type::Kind::List) && index.is(Type::Kind::Slice))
    return container;
  // s[i] and s[a:b:c] of a str are strs (of code points).
  if (container.is(Type::Kind::Str) &&
      (intIndex || index.is(Type::Kind::Slice)))
    return container;
  if (container.is(Type::Kind::Tuple) && intIndex) {
    // Tuples are heterogeneous: the index must be known at compile time.
    const Expr *indexExpr = sub.index.get();
    int64_t sign = 1;
    if (auto *neg = dyn_cast<UnaryOp>(indexExpr);
        neg && neg->op == UnaryOpKind::Neg) {
      sign = -1;
      indexExpr = neg->operand.get();
    }
    auto *lit = dyn_cast<IntLit>(indexExpr);
    // Another index needs elements of one type, as in Numba.
    const std::vector<Type> &elements = container.getElements();
    if (!lit && !elements.empty() && llvm::all_equal(elements))
      return elements[0];
    if (!lit)
      return fail(sub.index->getLoc(),
                  "a tuple index that is not an integer literal needs "
                  "elements of one type");
    int64_t i = sign * lit->value;
    int64_t n = container.getElements().size();
    if (i < 0)
      i += n;
    if (i < 0 || i >= n)
      return fail(sub.index->getLoc(), "tuple index out of range");
    instance.tupleIndices[&sub] = i;
    return container.getElements()[i];
  }
  return fail(sub.getLoc(), "subscripting " + container.str() + " with " +
                                index.str() + " is not supported yet");
}

Type InstanceWalker::visitCall(const Call &call) {
  Type callee = visit(*call.func);
  if (callee.isUnknown())
    return callee;
  if (callee.is(Type::Kind::Function))
    return callUserFunction(call, *callee.getFunction());
  if (callee.is(Type::Kind::Builtin))
    return callBuiltin(call, getBuiltin(callee.getBuiltin()));
  return fail(call.getLoc(), "'" + toSource(*call.func) + "' (" + callee.str() +
                                 ") is not callable");
}

/// The value of an int constant (`3`, `-3`), if `expr` is one.
static std::optional<int64_t> intConstant(const Expr *expr) {
  if (auto *lit = llvm::dyn_cast_or_null<IntLit>(expr))
    return lit->value;
  if (auto *un = llvm::dyn_cast_or_null<UnaryOp>(expr);
      un && un->op == UnaryOpKind::Neg)
    if (auto value = intConstant(un->operand.get()))
      return 0 - static_cast<uint64_t>(*value);
  return std::nullopt;
}

bool InstanceWalker::isFloatPower(const Type &lhs, const Type &rhs,
                                  const Expr *base, const Expr *exponent) {
  // CPython gives a float for an int to a negative power, which nmc can
  // type only where the exponent is a constant. Inside @njit, Numba keeps
  // an int unless CPython folded two constants (`2 ** -1`) before it.
  if (lhs.is(Type::Kind::Float) || rhs.is(Type::Kind::Float))
    return false;
  std::optional<int64_t> power = intConstant(exponent);
  if (!power || *power >= 0)
    return false;
  return !insideNjit() || intConstant(base);
}

Type InstanceWalker::binaryResult(BinOpKind op, const Type &lhs,
                                  const Type &rhs, SourceLoc loc,
                                  const Expr *lhsExpr, const Expr *rhsExpr) {
  if (lhs.isUnknown() || rhs.isUnknown())
    return Type::unknown();
  if (op == BinOpKind::Add && lhs.is(Type::Kind::Str) &&
      rhs.is(Type::Kind::Str))
    return Type::string();
  // s * n and n * s.
  if (op == BinOpKind::Mul && ((lhs.is(Type::Kind::Str) && rhs.isInteger()) ||
                               (rhs.is(Type::Kind::Str) && lhs.isInteger())))
    return Type::string();
  // [x] * n and n * [x].
  if (op == BinOpKind::Mul && lhs.is(Type::Kind::List) && rhs.isInteger())
    return lhs;
  if (op == BinOpKind::Mul && rhs.is(Type::Kind::List) && lhs.isInteger())
    return rhs;
  if (op == BinOpKind::Add && lhs.is(Type::Kind::List) &&
      rhs.is(Type::Kind::List)) {
    if (std::optional<Type> unified = unify(lhs, rhs);
        unified &&
        (lhs.getElement() == rhs.getElement() || lhs.getElement().isUnknown() ||
         rhs.getElement().isUnknown()))
      return *unified;
    return fail(loc, "concatenating " + lhs.str() + " and " + rhs.str() +
                         " is not supported (nmc's lists hold one type)");
  }
  if (lhs.is(Type::Kind::Array) || rhs.is(Type::Kind::Array))
    return arrayBinaryResult(op, lhs, rhs, loc);
  if (!lhs.isNumeric() || !rhs.isNumeric())
    return fail(loc, std::string("unsupported operand types for ") + spell(op) +
                         ": " + lhs.str() + " and " + rhs.str());
  bool bothBool = lhs.is(Type::Kind::Bool) && rhs.is(Type::Kind::Bool);
  switch (op) {
  case BinOpKind::Div:
    return Type::floating();
  case BinOpKind::BitAnd:
  case BinOpKind::BitOr:
  case BinOpKind::BitXor:
    if (bothBool)
      return Type::boolean();
    [[fallthrough]];
  case BinOpKind::LShift:
  case BinOpKind::RShift:
    if (lhs.is(Type::Kind::Float) || rhs.is(Type::Kind::Float))
      return fail(loc, std::string("unsupported operand types for ") +
                           spell(op) + ": " + lhs.str() + " and " + rhs.str());
    return Type::integer();
  case BinOpKind::MatMul:
    return fail(loc, "'@' needs arrays");
  case BinOpKind::Pow:
    if (isFloatPower(lhs, rhs, lhsExpr, rhsExpr))
      return Type::floating();
    return promoteNumeric(lhs, rhs);
  default:
    return promoteNumeric(lhs, rhs);
  }
}

Type InstanceWalker::visitBinOp(const BinOp &bin) {
  Type lhs = visit(*bin.lhs);
  Type rhs = visit(*bin.rhs);
  if (bin.op == BinOpKind::Mod && lhs.is(Type::Kind::Str) && !rhs.isUnknown())
    return visitPercentFormat(bin, rhs);
  return binaryResult(bin.op, lhs, rhs, bin.getLoc(), bin.lhs.get(),
                      bin.rhs.get());
}

Type InstanceWalker::visitPercentFormat(const BinOp &bin, const Type &values) {
  auto *literal = dyn_cast<StrLit>(bin.lhs.get());
  if (!literal)
    return fail(bin.lhs->getLoc(), "'%' formatting of a string that is not a "
                                   "literal is not supported yet");
  // A tuple gives one value per element; anything else is one value.
  std::vector<Type> types = values.is(Type::Kind::Tuple)
                                ? values.getElements()
                                : std::vector<Type>{values};
  std::vector<FormatPiece> pieces;
  if (auto error = parsePercentTemplate(literal->value, types.size(), pieces))
    return fail(bin.getLoc(), "'%' formatting: " + *error);
  for (const FormatPiece &piece : pieces) {
    if (piece.argument < 0)
      continue;
    const Type &t = types[piece.argument];
    char type = piece.spec[0].text.back();
    bool text = piece.conversion == 'r' || piece.conversion == 's';
    bool integer = llvm::StringRef("oxXc").contains(type);
    if (!checkFormattable(t, false, bin.rhs->getLoc(), "'%' formatting"))
      return Type::unknown();
    if (!text && (!t.isNumeric() || (integer && t.is(Type::Kind::Float))))
      return fail(bin.rhs->getLoc(),
                  std::string("'%' formatting: %") + type +
                      " format: " + (integer ? "an integer" : "a real number") +
                      " is required, not " + t.str());
  }
  instance.formatTemplates[&bin] = std::move(pieces);
  return Type::string();
}

Type InstanceWalker::visitUnaryOp(const UnaryOp &un) {
  Type operand = visit(*un.operand);
  if (operand.isUnknown())
    return operand;
  if (operand.is(Type::Kind::Array))
    return arrayUnaryResult(un.op, operand, un.getLoc());
  if (!operand.isNumeric())
    return fail(un.getLoc(), std::string("bad operand type for unary ") +
                                 spell(un.op) + ": " + operand.str());
  switch (un.op) {
  case UnaryOpKind::Not:
    return Type::boolean();
  case UnaryOpKind::Invert:
    if (operand.is(Type::Kind::Float))
      return fail(un.getLoc(), "bad operand type for unary ~: float64");
    return Type::integer();
  default:
    return operand.is(Type::Kind::Bool) ? Type::integer() : operand;
  }
}

Type InstanceWalker::visitBoolOp(const BoolOp &boolOp) {
  // Python returns one of the operands; nmc keeps that when they unify.
  Type result = Type::unknown();
  for (const ExprPtr &value : boolOp.values) {
    Type t = visit(*value);
    if (t.isUnknown())
      return t;
    std::optional<Type> unified = unify(result, t);
    if (!t.isNumeric() || !unified)
      return fail(value->getLoc(), std::string("operands of '") +
                                       spell(boolOp.op) +
                                       "' must be bool, int or float of one "
                                       "kind, not " +
                                       t.str());
    result = *unified;
  }
  return result;
}

bool InstanceWalker::bindsName(llvm::StringRef name) {
  return localNames.contains(name) ||
         !inference.getProgram().globalType(name).isUnknown();
}

std::optional<std::string> InstanceWalker::constantString(const Expr &expr) {
  if (auto *str = dyn_cast<StrLit>(&expr))
    return str->value;
  if (auto *name = dyn_cast<Name>(&expr))
    if (name->id == "__name__" && !bindsName("__name__"))
      return std::string("__main__");
  return std::nullopt;
}

std::optional<bool> InstanceWalker::foldStringComparison(const Compare &cmp) {
  if (cmp.ops.size() != 1 ||
      (cmp.ops[0] != CmpOpKind::Eq && cmp.ops[0] != CmpOpKind::NotEq))
    return std::nullopt;
  auto lhs = constantString(*cmp.left);
  auto rhs = constantString(*cmp.comparators[0]);
  if (!lhs || !rhs)
    return std::nullopt;
  return (*lhs == *rhs) == (cmp.ops[0] == CmpOpKind::Eq);
}

Type InstanceWalker::visitCompare(const Compare &cmp) {
  Type left = visit(*cmp.left);
  std::vector<Type> rights;
  for (const ExprPtr &comparator : cmp.comparators)
    rights.push_back(visit(*comparator));
  if (auto folded = foldStringComparison(cmp)) {
    instance.constantConditions[&cmp] = *folded;
    return Type::boolean();
  }
  Type previous = left;
  for (size_t i = 0; i < cmp.ops.size(); ++i) {
    const Type &right = rights[i];
    if (previous.isUnknown() || right.isUnknown())
      return Type::unknown();
    if (previous.is(Type::Kind::Array) || right.is(Type::Kind::Array))
      return arrayCompareResult(cmp, previous, right);
    // Strings compare by code point, and `in` finds a substring.
    bool strings = previous.is(Type::Kind::Str) && right.is(Type::Kind::Str) &&
                   cmp.ops[i] != CmpOpKind::Is &&
                   cmp.ops[i] != CmpOpKind::IsNot;
    if (strings) {
      previous = right;
      continue;
    }
    if ((cmp.ops[i] == CmpOpKind::In || cmp.ops[i] == CmpOpKind::NotIn) &&
        right.is(Type::Kind::List)) {
      if (!checkListSearchValue(right, previous, cmp.getLoc()))
        return Type::unknown();
      previous = right;
      continue;
    }
    if (!previous.isNumeric() || !right.isNumeric())
      return fail(cmp.getLoc(), std::string("comparing ") + previous.str() +
                                    " " + spell(cmp.ops[i]) + " " +
                                    right.str() + " is not supported yet");
    if (cmp.ops[i] == CmpOpKind::In || cmp.ops[i] == CmpOpKind::NotIn ||
        cmp.ops[i] == CmpOpKind::Is || cmp.ops[i] == CmpOpKind::IsNot)
      return fail(cmp.getLoc(), std::string("'") + spell(cmp.ops[i]) +
                                    "' is not supported yet");
    previous = right;
  }
  return Type::boolean();
}

Type InstanceWalker::visitIfExp(const IfExp &ifExp) {
  Type test = checkCondition(*ifExp.test, "a condition");
  Type body = visit(*ifExp.body);
  Type orelse = visit(*ifExp.orelse);
  // One branch may be unknown for now, as in `n if n < 2 else fib(n - 1)`:
  // the other gives the type meanwhile.
  if (test.isUnknown() || (body.isUnknown() && orelse.isUnknown()))
    return Type::unknown();
  if (body.isUnknown() || orelse.isUnknown())
    return body.isUnknown() ? orelse : body;
  std::optional<Type> unified = unify(body, orelse);
  if (!unified || !unified->isRuntime())
    return fail(ifExp.getLoc(), "the branches of a conditional expression "
                                "have types " +
                                    body.str() + " and " + orelse.str() +
                                    ", which do not unify");
  return *unified;
}
