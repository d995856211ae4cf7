//===- MLIRGenLists.cpp - List methods and list() to MLIR -----------------===//
//
// The list methods, list(...) and list comprehensions become the nm
// dialect's list ops (comprehensions: loops that append); the
// runtime implements them with Python's semantics and errors.
//
//===----------------------------------------------------------------------===//

#include "MLIRGenerator.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"

using namespace nmc;
using namespace nmc::mlirgen;

mlir::Value MLIRGenerator::genListMethod(const Call &call, sema::BuiltinId id) {
  using sema::BuiltinId;
  mlir::Location l = loc(call.getLoc());
  const Expr &listExpr = *cast<Attribute>(*call.func).value;
  Type element = typeOf(listExpr).getElement();
  // The list first, then the arguments in order, as Python evaluates them.
  mlir::Value list = gen(listExpr);
  auto search = [&](mlir::nm::ListSearchKind kind) {
    return mlir::nm::ListSearchOp::create(builder, l, builder.getI64Type(),
                                          list, genAs(*call.args[0], element),
                                          kind, insideNjit());
  };
  switch (id) {
  case BuiltinId::ListAppend:
    mlir::nm::ListAppendOp::create(builder, l, list,
                                   genAs(*call.args[0], element));
    return {};
  case BuiltinId::ListInsert: {
    mlir::Value index = genAs(*call.args[0], Type::integer());
    mlir::nm::ListInsertOp::create(builder, l, list, index,
                                   genAs(*call.args[1], element));
    return {};
  }
  case BuiltinId::ListPop: {
    // pop() removes the last element.
    mlir::Value index = call.args.empty()
                            ? constInt(-1, l)
                            : genAs(*call.args[0], Type::integer());
    return mlir::nm::ListPopOp::create(builder, l, storageType(element), list,
                                       index);
  }
  case BuiltinId::ListExtend:
    mlir::nm::ListExtendOp::create(builder, l, list, gen(*call.args[0]),
                                   /*iadd=*/false);
    return {};
  case BuiltinId::ListIndex:
    return search(mlir::nm::ListSearchKind::index);
  case BuiltinId::ListCount:
    return search(mlir::nm::ListSearchKind::count);
  case BuiltinId::ListRemove:
    search(mlir::nm::ListSearchKind::remove);
    return {};
  case BuiltinId::ListReverse:
    mlir::nm::ListReverseOp::create(builder, l, list);
    return {};
  case BuiltinId::ListClear:
    mlir::nm::ListClearOp::create(builder, l, list);
    return {};
  case BuiltinId::ListCopy:
    return mlir::nm::ListCopyOp::create(builder, l, list.getType(), list,
                                        /*method=*/true);
  case BuiltinId::ListSort:
    genSort(list, call);
    return {};
  default:
    return error(call.getLoc(), "not a list method", list.getType());
  }
}

mlir::Value MLIRGenerator::listLength(mlir::Value list,
                                      mlir::nm::ListLenUse use,
                                      mlir::Location l) {
  return mlir::nm::ListLenOp::create(builder, l, builder.getI64Type(), list,
                                     use);
}

mlir::Value MLIRGenerator::genToList(const Call &call) {
  mlir::Location l = loc(call.getLoc());
  const Expr &arg = *call.args[0];
  Type result = typeOf(call);
  auto *range = dyn_cast<Call>(&arg);
  Type callee = range ? typeOf(*range->func) : Type::unknown();
  if (callee.is(Type::Kind::Builtin) &&
      callee.getBuiltin() == sema::BuiltinId::Range) {
    // list(range(stop)), list(range(start, stop[, step])).
    const auto &args = range->args;
    bool hasStart = args.size() > 1;
    mlir::Value start =
        hasStart ? genAs(*args[0], Type::integer()) : constInt(0, l);
    mlir::Value stop = genAs(*args[hasStart ? 1 : 0], Type::integer());
    mlir::Value step =
        args.size() == 3 ? genAs(*args[2], Type::integer()) : constInt(1, l);
    return mlir::nm::ListRangeOp::create(builder, l, storageType(result), start,
                                         stop, step);
  }
  if (typeOf(arg).is(Type::Kind::List))
    return mlir::nm::ListCopyOp::create(builder, l, storageType(result),
                                        gen(arg), /*method=*/false);
  // An array, reversed(...): the elements appended one by one.
  mlir::Value list = mlir::nm::ListFromElementsOp::create(
      builder, l, storageType(result), mlir::ValueRange{});
  Sequence sequence = genSequence(arg);
  genCountedLoop(l, sequence.length,
                 [&](mlir::Value k) {
                   mlir::nm::ListAppendOp::create(builder, l, list,
                                                  sequence.element(k)[0]);
                 },
                 {});
  return list;
}

void MLIRGenerator::genSort(mlir::Value list, const Call &call) {
  mlir::Location l = loc(call.getLoc());
  const Expr *key = nullptr, *reverse = nullptr;
  for (const Keyword &kw : call.keywords) {
    if (kw.name == "key" && !isa<NoneLit>(*kw.value))
      key = kw.value.get();
    if (kw.name == "reverse")
      reverse = kw.value.get();
  }
  // reverse= is evaluated before any key is computed, as in Python.
  mlir::Value descending =
      reverse ? truthy(gen(*reverse), typeOf(*reverse), reverse->getLoc())
              : constBool(false, l);
  mlir::Value keys;
  if (key) {
    // Each element's key, once and in order, before sorting.
    Type elementType =
        typeOf(call).is(Type::Kind::List)
            ? typeOf(call).getElement()
            : typeOf(*cast<Attribute>(*call.func).value).getElement();
    Type keyType = isa<Lambda>(*key)
                       ? typeOf(*key)
                       : instance->keyFunctions.lookup(key)->returnType;
    keys = mlir::nm::ListFromElementsOp::create(
        builder, l, storageType(Type::list(keyType)), mlir::ValueRange{});
    mlir::Value length = listLength(list, mlir::nm::ListLenUse::len, l);
    genCountedLoop(l, length,
                   [&](mlir::Value k) {
                     mlir::Value element = mlir::nm::ListGetOp::create(
                         builder, l, storageType(elementType), list, k);
                     mlir::nm::ListAppendOp::create(
                         builder, l, keys,
                         genSortKey(*key, element, elementType));
                   },
                   {});
  }
  mlir::nm::ListSortOp::create(builder, l, list, keys, descending);
}

mlir::Value MLIRGenerator::genSortKey(const Expr &key, mlir::Value element,
                                      const Type &elementType) {
  if (auto *lambda = dyn_cast<Lambda>(&key)) {
    // The parameter is the lambda's own variable, as a comprehension's is.
    llvm::StringMap<std::string> outer = comprehensionVariables;
    const std::string &param = lambda->params[0].name;
    comprehensionVariables[param] =
        param + ".lambda" + std::to_string(comprehensionCount++);
    writeVariable(param, {element}, elementType, lambda->getLoc());
    mlir::Value result = gen(*lambda->body);
    comprehensionVariables = std::move(outer);
    return result;
  }
  const FunctionInstance &target = *instance->keyFunctions.lookup(&key);
  auto call = mlir::func::CallOp::create(
      builder, loc(key.getLoc()), target.symbol,
      storageTypes(target.returnType), mlir::ValueRange{element});
  return call.getResult(0);
}

mlir::Value MLIRGenerator::genListComp(const ListComp &comp) {
  mlir::Location l = loc(comp.getLoc());
  mlir::Value list = mlir::nm::ListFromElementsOp::create(
      builder, l, storageType(typeOf(comp)), mlir::ValueRange{});
  // The targets are the comprehension's own variables: they are renamed
  // for its extent, so that they neither read nor change the function's
  // variables of the same names.
  llvm::StringMap<std::string> outer = comprehensionVariables;
  genComprehensionClause(comp, 0, list);
  comprehensionVariables = std::move(outer);
  return list;
}

void MLIRGenerator::renameComprehensionTarget(const Expr &target) {
  if (auto *name = dyn_cast<Name>(&target)) {
    comprehensionVariables[name->id] =
        name->id + ".comprehension" + std::to_string(comprehensionCount++);
    return;
  }
  for (const ExprPtr &elt : cast<Tuple>(target).elts)
    renameComprehensionTarget(*elt);
}

void MLIRGenerator::genComprehensionClause(const ListComp &comp, size_t i,
                                           mlir::Value list) {
  mlir::Location l = loc(comp.getLoc());
  if (i == comp.generators.size()) {
    mlir::nm::ListAppendOp::create(builder, l, list,
                                   genAs(*comp.elt, typeOf(comp).getElement()));
    return;
  }
  const Comprehension &clause = comp.generators[i];
  // The iterable is evaluated before this clause's target exists.
  Sequence sequence = genSequence(*clause.iter);
  renameComprehensionTarget(*clause.target);
  genCountedLoop(l, sequence.length,
                 [&](mlir::Value k) {
                   genAssignTarget(*clause.target, sequence.element(k),
                                   typeOf(*clause.target), comp.getLoc());
                   // A false condition goes on with the next element.
                   for (const ExprPtr &cond : clause.ifs) {
                     mlir::Value test =
                         truthy(gen(*cond), typeOf(*cond), cond->getLoc());
                     mlir::Block *kept = createBlock();
                     mlir::cf::CondBranchOp::create(builder, l, test, kept,
                                                    loops.back().continueBlock);
                     sealBlock(kept);
                     builder.setInsertionPointToEnd(kept);
                   }
                   genComprehensionClause(comp, i + 1, list);
                 },
                 {});
}
