//===- ListSignatures.cpp - Typing list methods and empty lists -----------===//
//
// The list methods (append, pop, insert, extend, index, count, remove,
// reverse, copy, clear, sort), list(...), sorted(...) and its keys, `in`
// of a list, list comprehensions, and the element type of an empty list
// literal, which comes from what the program later puts into the list, as
// in Numba.
//
//===----------------------------------------------------------------------===//

#include "InferenceWalker.h"

#include "llvm/ADT/ScopeExit.h"

using namespace nmc;
using namespace nmc::sema;
using namespace nmc::sema::detail;

llvm::SmallVector<const List *, 1>
InstanceWalker::emptyListOrigins(const Expr &value, const Type &type) {
  if (!type.is(Type::Kind::List) || !type.getElement().isUnknown())
    return {};
  if (auto *list = dyn_cast<List>(&value); list && list->elts.empty())
    return {list};
  if (auto *name = dyn_cast<Name>(&value)) {
    auto it = state.emptyListOrigins.find(name->id);
    if (it != state.emptyListOrigins.end())
      return it->second;
  }
  return {};
}

void InstanceWalker::collectEmptyListOrigins(
    const Expr &target, const Expr &value, const Type &type,
    std::vector<std::pair<std::string, llvm::SmallVector<const List *, 1>>>
        &origins) {
  if (auto *name = dyn_cast<Name>(&target)) {
    auto literals = emptyListOrigins(value, type);
    if (!literals.empty())
      origins.emplace_back(name->id, std::move(literals));
    return;
  }
  auto *targets = dyn_cast<Tuple>(&target);
  auto *values = dyn_cast<Tuple>(&value);
  if (!targets || !values || !type.is(Type::Kind::Tuple) ||
      targets->elts.size() != values->elts.size() ||
      type.getElements().size() != values->elts.size())
    return;
  for (size_t i = 0; i < targets->elts.size(); ++i)
    collectEmptyListOrigins(*targets->elts[i], *values->elts[i],
                            type.getElements()[i], origins);
}

Type InstanceWalker::refineEmptyList(const Expr &list, const Type &listType,
                                     const Type &element, SourceLoc loc) {
  auto *name = dyn_cast<Name>(&list);
  if (!name || element.isUnknown())
    return listType;
  auto it = state.emptyListOrigins.find(name->id);
  if (it == state.emptyListOrigins.end())
    return listType;
  if (!element.isListElement()) {
    for (const List *literal : it->second)
      inference.refusedEmptyLists.try_emplace(
          literal, loc, "lists of " + element.str() + " are not supported yet");
    return listType;
  }
  for (const List *literal : it->second)
    giveEmptyListElement(*literal, element);
  state.emptyListOrigins.erase(it);
  state.types[name->id] = Type::list(element);
  return Type::list(element);
}

void InstanceWalker::giveEmptyListElement(const List &literal,
                                          const Type &element) {
  Type &slot = instance.emptyListElements[&literal];
  if (slot.isUnknown() && !element.isUnknown()) {
    slot = element;
    inference.markChanged();
  }
}

Type InstanceWalker::visitEmptyList(const List &list) {
  Type element = instance.emptyListElements.lookup(&list);
  if (!element.isUnknown() || !inference.isChecking())
    return Type::list(element);
  if (auto refused = inference.refusedEmptyLists.find(&list);
      refused != inference.refusedEmptyLists.end())
    return fail(refused->second.first, refused->second.second);
  return fail(list.getLoc(),
              "the element type of this empty list is never given: nmc "
              "infers it, as Numba does, from the first append, insert, "
              "extend or += that the variable holding it meets");
}

bool InstanceWalker::checkListSearchValue(const Type &list, const Type &value,
                                          SourceLoc loc) {
  const Type &element = list.getElement();
  if (value.isUnknown() || element.isUnknown())
    return false;
  // The value is compared as the element type: a bool or int widens as ==
  // would compare it; a narrowing (2 in [True]) would not be ==.
  if (value.is(Type::Kind::Str) && element.is(Type::Kind::Str))
    return true;
  if (value.isNumeric() && element.isNumeric() &&
      unify(value, element) == element)
    return true;
  fail(loc, "looking for " + value.str() + " in " + list.str() +
                " is not supported yet");
  return false;
}

Type InstanceWalker::callListMethod(const Call &call, const BuiltinInfo &info) {
  const Expr &listExpr = *cast<Attribute>(*call.func).value;
  std::string name = info.name;
  if (info.id == BuiltinId::ListSort) {
    Type list = visit(listExpr);
    if (list.isUnknown())
      return list;
    if (!call.args.empty())
      return fail(call.args[0]->getLoc(),
                  "sort() takes no positional arguments");
    if (!checkSortKeywords(call, list.getElement(), name))
      return Type::unknown();
    return Type::none();
  }
  if (!call.keywords.empty())
    return fail(call.keywords.front().loc,
                name + "() takes no keyword arguments");
  Type list = visit(listExpr);
  std::vector<Type> args;
  for (const ExprPtr &arg : call.args) {
    args.push_back(visit(*arg));
    if (args.back().isUnknown())
      return Type::unknown();
  }
  if (list.isUnknown())
    return list;
  auto checkIndex = [&](size_t i) {
    return checkIntegerArgument(args[i], call.args[i]->getLoc());
  };
  switch (info.id) {
  case BuiltinId::ListAppend:
    if (!checkArgCount(call, 1, 1, name))
      return Type::unknown();
    list = refineEmptyList(listExpr, list, args[0], call.args[0]->getLoc());
    checkListStore(list, args[0], call.args[0]->getLoc());
    return Type::none();
  case BuiltinId::ListInsert:
    if (!checkArgCount(call, 2, 2, name) || !checkIndex(0))
      return Type::unknown();
    list = refineEmptyList(listExpr, list, args[1], call.args[1]->getLoc());
    checkListStore(list, args[1], call.args[1]->getLoc());
    return Type::none();
  case BuiltinId::ListExtend:
    if (!checkArgCount(call, 1, 1, name))
      return Type::unknown();
    if (!args[0].is(Type::Kind::List))
      return fail(call.args[0]->getLoc(),
                  "extend() of " + args[0].str() + " is not supported yet");
    list = refineEmptyList(listExpr, list, args[0].getElement(),
                           call.args[0]->getLoc());
    if (args[0].getElement() != list.getElement() &&
        !args[0].getElement().isUnknown())
      return fail(call.args[0]->getLoc(),
                  "extending " + list.str() + " with " + args[0].str() +
                      " is not supported (nmc's lists hold one type)");
    return Type::none();
  case BuiltinId::ListPop:
    if (!checkArgCount(call, 0, 1, name) || (!args.empty() && !checkIndex(0)))
      return Type::unknown();
    return list.getElement();
  case BuiltinId::ListIndex:
  case BuiltinId::ListCount:
  case BuiltinId::ListRemove:
    if (!checkArgCount(call, 1, 1, name) ||
        !checkListSearchValue(list, args[0], call.args[0]->getLoc()))
      return Type::unknown();
    return info.id == BuiltinId::ListRemove ? Type::none() : Type::integer();
  case BuiltinId::ListReverse:
  case BuiltinId::ListClear:
    if (!checkArgCount(call, 0, 0, name))
      return Type::unknown();
    return Type::none();
  case BuiltinId::ListCopy:
    if (!checkArgCount(call, 0, 0, name))
      return Type::unknown();
    return list;
  case BuiltinId::ListSort: // typed above: it takes keywords
  default:
    break;
  }
  return fail(call.getLoc(), name + "() is not a list method");
}

Type InstanceWalker::callToList(const Call &call) {
  if (!call.keywords.empty())
    return fail(call.keywords.front().loc, "list() takes no keyword arguments");
  if (call.args.size() != 1)
    return fail(call.getLoc(),
                call.args.empty()
                    ? "list() without an argument is not supported yet (its "
                      "element type would come from later appends; write [])"
                    : "list expected at most 1 argument, got " +
                          std::to_string(call.args.size()));
  const Expr &arg = *call.args[0];
  if (!isa<Call>(arg)) {
    // A copy of a list, even one whose element type comes later.
    Type t = visit(arg);
    if (t.isUnknown() || t.is(Type::Kind::List))
      return t;
  }
  Type element = iterationElement(arg);
  if (element.isUnknown())
    return element;
  if (!element.isListElement())
    return fail(arg.getLoc(),
                "lists of " + element.str() + " are not supported yet");
  return Type::list(element);
}

Type InstanceWalker::callSorted(const Call &call) {
  if (call.args.size() != 1)
    return fail(call.getLoc(), "sorted expected 1 argument, got " +
                                   std::to_string(call.args.size()));
  const Expr &arg = *call.args[0];
  Type element = iterationElement(arg);
  if (element.isUnknown())
    return element;
  if (!element.isListElement())
    return fail(arg.getLoc(),
                "sorting " + element.str() + " elements is not supported yet");
  if (!checkSortKeywords(call, element, "sorted"))
    return Type::unknown();
  return Type::list(element);
}

bool InstanceWalker::checkSortKeywords(const Call &call, const Type &element,
                                       llvm::StringRef name) {
  for (const Keyword &kw : call.keywords) {
    if (kw.name == "key") {
      if (!isa<NoneLit>(*kw.value) &&
          sortKeyType(*kw.value, element).isUnknown())
        return false;
    } else if (kw.name == "reverse") {
      Type t = visit(*kw.value);
      if (t.isUnknown() || !checkIntegerArgument(t, kw.value->getLoc()))
        return false;
    } else {
      fail(kw.loc, "'" + kw.name + "' is an invalid keyword argument for " +
                       name.str() + "()");
      return false;
    }
  }
  return true;
}

Type InstanceWalker::sortKeyType(const Expr &key, const Type &element) {
  Type result = Type::unknown();
  if (auto *lambda = dyn_cast<Lambda>(&key)) {
    if (lambda->params.size() != 1)
      return fail(lambda->getLoc(), "a key lambda takes one argument, not " +
                                        std::to_string(lambda->params.size()));
    // The parameter hides the function's variable of the same name in the
    // body only.
    llvm::StringMap<Type> outer = comprehensionScope;
    llvm::scope_exit restore([&] { comprehensionScope = std::move(outer); });
    comprehensionScope[lambda->params[0].name] = element;
    bool outerLambda = inNjitKeyLambda;
    inNjitKeyLambda = insideNjit();
    result = visit(*lambda->body);
    inNjitKeyLambda = outerLambda;
    instance.exprTypes[&key] = result;
  } else {
    Type callee = visit(key);
    if (callee.isUnknown())
      return callee;
    if (!callee.is(Type::Kind::Function))
      return fail(key.getLoc(), "key=" + toSource(key) + " (" + callee.str() +
                                    ") is not supported yet; write "
                                    "key=lambda x: ...");
    const FunctionDef &def = *callee.getFunction();
    if (def.params.size() != 1)
      return fail(key.getLoc(), "a key function takes one argument; '" +
                                    def.name + "' takes " +
                                    std::to_string(def.params.size()));
    FunctionInstance *target = instantiate(def, {element}, key.getLoc());
    instance.keyFunctions[&key] = target;
    result = target->returnType;
  }
  if (result.isUnknown())
    return result;
  if (!result.isListElement())
    return fail(key.getLoc(), "sorting by keys of type " + result.str() +
                                  " is not supported yet");
  return result;
}

void InstanceWalker::bindComprehensionTarget(const Expr &target,
                                             const Type &type) {
  instance.exprTypes[&target] = type;
  if (auto *name = dyn_cast<Name>(&target)) {
    comprehensionScope[name->id] = type;
    return;
  }
  auto *tuple = dyn_cast<Tuple>(&target);
  if (!tuple) {
    fail(target.getLoc(), "a comprehension's target must be a name or a "
                          "tuple of names in the nmc subset");
    return;
  }
  if (!type.is(Type::Kind::Tuple) ||
      type.getElements().size() != tuple->elts.size()) {
    fail(target.getLoc(), "cannot unpack " + type.str() + " into " +
                              std::to_string(tuple->elts.size()) + " targets");
    // The targets stay untyped; their uses are not reported again.
    for (const ExprPtr &elt : tuple->elts)
      if (auto *name = dyn_cast<Name>(elt.get()))
        comprehensionScope[name->id] = Type::unknown();
    return;
  }
  for (size_t i = 0; i < tuple->elts.size(); ++i)
    bindComprehensionTarget(*tuple->elts[i], type.getElements()[i]);
}

Type InstanceWalker::visitListComp(const ListComp &comp) {
  llvm::StringMap<Type> outer = comprehensionScope;
  llvm::scope_exit restore([&] { comprehensionScope = std::move(outer); });
  for (const Comprehension &clause : comp.generators) {
    // Each iterable sees the targets of the clauses before it only.
    Type element = iterationElement(*clause.iter);
    if (element.isUnknown())
      return element;
    bindComprehensionTarget(*clause.target, element);
    for (const ExprPtr &cond : clause.ifs)
      if (checkCondition(*cond, "a comprehension's condition").isUnknown())
        return Type::unknown();
  }
  Type element = visit(*comp.elt);
  if (element.isUnknown())
    return element;
  if (!element.isListElement())
    return fail(comp.elt->getLoc(),
                "lists of " + element.str() + " are not supported yet");
  return Type::list(element);
}
