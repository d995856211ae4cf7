//===- TypeStatements.cpp - Types of statements ---------------------------===//

#include "InferenceWalker.h"

#include "llvm/ADT/STLExtras.h"

using namespace nmc;
using namespace nmc::sema;
using namespace nmc::sema::detail;

/// A literal, possibly negated: 3, -2.5, True, None, "text".
static bool isLiteral(const Expr &expr) {
  if (auto *un = dyn_cast<UnaryOp>(&expr))
    return (un->op == UnaryOpKind::Neg || un->op == UnaryOpKind::Pos) &&
           (isa<IntLit>(un->operand.get()) || isa<FloatLit>(un->operand.get()));
  return isa<IntLit, FloatLit, StrLit, BoolLit, NoneLit>(&expr);
}

//===----------------------------------------------------------------------===//

Type InstanceWalker::fail(SourceLoc loc, const std::string &message,
                          llvm::ArrayRef<Note> notes) {
  if (!inference.isChecking())
    return Type::unknown();
  if (errorBuffer) {
    errorBuffer->push_back({loc, message, {notes.begin(), notes.end()}});
  } else if (inference.getDiags().error(loc, message)) {
    for (const Note &note : notes)
      inference.getDiags().note(note.loc, note.message);
  }
  return Type::unknown();
}

//===----------------------------------------------------------------------===//
// Flow of variable types
//===----------------------------------------------------------------------===//

bool detail::FlowState::operator==(const FlowState &other) const {
  if (reachable != other.reachable || types.size() != other.types.size() ||
      conflicts.size() != other.conflicts.size())
    return false;
  for (const auto &entry : types) {
    auto it = other.types.find(entry.getKey());
    if (it == other.types.end() || it->second != entry.getValue())
      return false;
  }
  for (const auto &entry : conflicts)
    if (!other.conflicts.count(entry.getKey()))
      return false;
  return emptyListOrigins == other.emptyListOrigins;
}

FlowState detail::join(const FlowState &a, const FlowState &b) {
  if (!a.reachable)
    return b;
  if (!b.reachable)
    return a;
  FlowState result = a;
  for (const auto &entry : b.conflicts)
    result.conflicts.try_emplace(entry.getKey(), entry.getValue());
  for (const auto &entry : b.emptyListOrigins) {
    auto &origins = result.emptyListOrigins[entry.getKey()];
    for (const List *literal : entry.getValue())
      if (!llvm::is_contained(origins, literal))
        origins.push_back(literal);
  }
  for (const auto &entry : b.assignedAt)
    result.assignedAt.try_emplace(entry.getKey(), entry.getValue());
  for (const auto &entry : b.types) {
    llvm::StringRef name = entry.getKey();
    auto [it, inserted] = result.types.try_emplace(name, entry.getValue());
    // A variable unbound on one path keeps the other's type: reading it
    // there is Python's UnboundLocalError, not a type.
    if (inserted || result.conflicts.count(name))
      continue;
    if (std::optional<Type> unified = unify(it->second, entry.getValue()))
      it->second = *unified;
    else
      result.conflicts[name] = {it->second, entry.getValue(),
                                a.assignedAt.lookup(name),
                                b.assignedAt.lookup(name)};
  }
  return result;
}

Type InstanceWalker::checkCondition(const Expr &test, llvm::StringRef what) {
  Type t = visit(test);
  if (!t.isUnknown() && !t.isNumeric())
    return fail(test.getLoc(),
                what.str() + " must be bool, int or float, not " + t.str());
  return t;
}

void InstanceWalker::walkBody(const StmtList &body) {
  for (const StmtPtr &stmt : body)
    walk(*stmt);
}

void InstanceWalker::walk(const Stmt &stmt) {
  switch (stmt.getKind()) {
  case Stmt::Kind::Expr:
    visit(*cast<ExprStmt>(stmt).value);
    return;
  case Stmt::Kind::Assign:
    return walkAssign(cast<Assign>(stmt));
  case Stmt::Kind::AugAssign:
    return walkAugAssign(cast<AugAssign>(stmt));
  case Stmt::Kind::If:
    return walkIf(cast<If>(stmt));
  case Stmt::Kind::For:
    return walkFor(cast<For>(stmt));
  case Stmt::Kind::While:
    return walkWhile(cast<While>(stmt));
  case Stmt::Kind::Break:
  case Stmt::Kind::Continue:
    if (loops.empty()) {
      fail(stmt.getLoc(), std::string("'") +
                              (isa<Break>(stmt) ? "break" : "continue") +
                              "' outside loop");
      return;
    }
    (isa<Break>(stmt) ? loops.back().breaks : loops.back().continues)
        .push_back(state);
    state.reachable = false;
    return;
  case Stmt::Kind::Return:
    walkReturn(cast<Return>(stmt));
    state.reachable = false;
    return;
  case Stmt::Kind::Raise:
    walkRaise(cast<Raise>(stmt));
    state.reachable = false;
    return;
  case Stmt::Kind::Pass:
    return;
  case Stmt::Kind::Import:
    return walkImport(cast<Import>(stmt));
  case Stmt::Kind::Try:
    return walkTry(cast<Try>(stmt));
  case Stmt::Kind::FunctionDef:
    return walkFunctionDef(cast<FunctionDef>(stmt));
  case Stmt::Kind::Assert: {
    auto &assertStmt = cast<Assert>(stmt);
    checkCondition(*assertStmt.test, "an assert condition");
    if (assertStmt.msg && !isa<StrLit>(assertStmt.msg.get()))
      fail(assertStmt.msg->getLoc(),
           "an assert message must be a string literal");
    return;
  }
  }
}

void InstanceWalker::walkRaise(const Raise &raise) {
  // The exception is a class or a call of one; the call is typed here, not
  // as an expression (exception objects exist only in `raise`).
  const Expr &exc = *raise.exc;
  const auto *call = dyn_cast<Call>(&exc);
  Type cls = visit(call ? *call->func : exc);
  if (cls.isUnknown())
    return;
  if (!cls.is(Type::Kind::Builtin) ||
      getBuiltin(cls.getBuiltin()).rule != BuiltinRule::ExceptionClass) {
    fail(exc.getLoc(), "raising " + cls.str() +
                           " is not supported: raise a built-in exception "
                           "class, such as ValueError(\"message\")");
    return;
  }
  if (!call)
    return;
  std::string name = getBuiltin(cls.getBuiltin()).name;
  if (!call->keywords.empty()) {
    fail(call->keywords.front().loc, name + "() takes no keyword arguments");
    return;
  }
  if (call->args.size() > 1) {
    fail(call->args[1]->getLoc(),
         name + "() with more than one argument is not supported yet");
    return;
  }
  const Expr *arg = call->args.empty() ? nullptr : call->args[0].get();
  if (cls.getBuiltin() == BuiltinId::ExcSystemExit) {
    checkExitArgument(arg, name);
    return;
  }
  if (!arg)
    return;
  Type message = visit(*arg);
  if (!message.isUnknown() && !message.is(Type::Kind::Str))
    fail(arg->getLoc(), "an exception message of type " + message.str() +
                            " is not supported yet (only str)");
}

void InstanceWalker::bindVariable(const std::string &name, const Type &type,
                                  SourceLoc loc) {
  state.types[name] = type;
  state.assignedAt[name] = loc;
  state.conflicts.erase(name);
  state.emptyListOrigins.erase(name);
  // The union of every assignment's type: the storage of module-level
  // variables that functions read, and what --emit=typed shows.
  auto [it, inserted] = instance.locals.try_emplace(name, type);
  if (inserted) {
    instance.localNames.push_back(name);
    if (!type.isUnknown())
      inference.markChanged();
    return;
  }
  std::optional<Type> unified = unify(it->second, type);
  if (!unified) {
    instance.conflictingLocals.insert(name);
    return;
  }
  if (*unified != it->second) {
    it->second = *unified;
    inference.markChanged();
  }
}

void InstanceWalker::assignTarget(const Expr &target, const Type &value,
                                  SourceLoc loc) {
  if (auto *name = dyn_cast<Name>(&target)) {
    instance.exprTypes[&target] = value;
    // An error already explains why the value has no type; do not report
    // every later use of the variable too.
    if (value.isUnknown() && inference.isChecking())
      poisoned.insert(name->id);
    bindVariable(name->id, value, loc);
    return;
  }
  if (auto *tuple = dyn_cast<Tuple>(&target)) {
    instance.exprTypes[&target] = value;
    if (value.isUnknown()) {
      for (const ExprPtr &elt : tuple->elts)
        assignTarget(*elt, Type::unknown(), loc);
      return;
    }
    // A list's length is checked when it is unpacked.
    if (value.is(Type::Kind::List) && !value.getElement().isUnknown()) {
      for (const ExprPtr &elt : tuple->elts)
        assignTarget(*elt, value.getElement(), loc);
      return;
    }
    if (!value.is(Type::Kind::Tuple) ||
        value.getElements().size() != tuple->elts.size()) {
      fail(loc, "cannot unpack " + value.str() + " into " +
                    std::to_string(tuple->elts.size()) + " targets");
      // The targets stay untyped; their uses are not reported again.
      for (const ExprPtr &elt : tuple->elts)
        assignTarget(*elt, Type::unknown(), loc);
      return;
    }
    for (size_t i = 0; i < tuple->elts.size(); ++i)
      assignTarget(*tuple->elts[i], value.getElements()[i], loc);
    return;
  }
  if (auto *sub = dyn_cast<Subscript>(&target)) {
    Type container = visit(*sub->value);
    Type index = visit(*sub->index);
    instance.exprTypes[&target] = value;
    if (container.isUnknown() || index.isUnknown() || value.isUnknown())
      return;
    if (container.is(Type::Kind::Array))
      return checkArrayStore(*sub, container, index, value, loc);
    if (container.is(Type::Kind::List) && index.isNumeric() &&
        !index.is(Type::Kind::Float)) {
      checkListStore(container, value, loc);
      return;
    }
    // `l[lo:hi] = other` replaces the elements with another list's.
    if (container.is(Type::Kind::List) && index.is(Type::Kind::Slice)) {
      if (!value.is(Type::Kind::List))
        fail(loc, "assigning " + value.str() + " to a slice of " +
                      container.str() + " is not supported yet (only a list)");
      else if (!value.getElement().isUnknown() &&
               value.getElement() != container.getElement())
        fail(loc, "assigning " + value.str() + " to a slice of " +
                      container.str() +
                      " is not supported (nmc's lists hold one type)");
      return;
    }
    fail(target.getLoc(), "assignment to " + container.str() +
                              " subscripted by " + index.str() +
                              " is not supported yet");
    return;
  }
  fail(target.getLoc(),
       "assignment to '" + toSource(target) + "' is outside the nmc subset");
}

/// Whether `annotation` is a type written the way programs annotate:
/// Python's types, NumPy's array and dtypes, list[...] and tuple[...], None
/// and string (forward) annotations. nmc infers every type, so a known
/// annotation changes nothing, as in Python, which does not check them.
static bool isTypeAnnotation(const Expr &annotation) {
  if (isa<NoneLit>(annotation) || isa<StrLit>(annotation))
    return true;
  if (auto *name = dyn_cast<Name>(&annotation))
    return llvm::is_contained(
        {"int", "float", "bool", "str", "complex", "list", "tuple", "object"},
        name->id);
  if (auto *attr = dyn_cast<Attribute>(&annotation)) {
    auto *module = dyn_cast<Name>(attr->value.get());
    return module && (module->id == "np" || module->id == "numpy") &&
           llvm::is_contained({"ndarray", "float64", "float32", "int64",
                               "int32", "bool_", "complex128"},
                              attr->attr);
  }
  if (auto *sub = dyn_cast<Subscript>(&annotation)) {
    auto *generic = dyn_cast<Name>(sub->value.get());
    if (!generic || (generic->id != "list" && generic->id != "tuple"))
      return false;
    if (auto *elements = dyn_cast<Tuple>(sub->index.get()))
      return llvm::all_of(elements->elts, [](const ExprPtr &elt) {
        return isTypeAnnotation(*elt);
      });
    return isTypeAnnotation(*sub->index);
  }
  return false;
}

void InstanceWalker::checkAnnotation(const Expr *annotation) {
  if (annotation && !isTypeAnnotation(*annotation))
    fail(annotation->getLoc(),
         "annotation '" + toSource(*annotation) +
             "' is not supported (nmc knows int, float, bool, str, None, "
             "list[...], tuple[...], np.ndarray and NumPy dtypes)");
}

void InstanceWalker::walkAssign(const Assign &assign) {
  // `l[a:b] = []` removes elements: the literal holds l's element type.
  auto *literal = dyn_cast<List>(assign.value.get());
  auto *sub = assign.targets.size() == 1
                  ? dyn_cast<Subscript>(assign.targets[0].get())
                  : nullptr;
  // Numba cannot type that literal: inside @njit it stays an error.
  if (literal && literal->elts.empty() && sub && isa<Slice>(*sub->index) &&
      !insideNjit()) {
    Type container = visit(*sub->value);
    if (container.is(Type::Kind::List))
      giveEmptyListElement(*literal, container.getElement());
  }
  Type value = visit(*assign.value);
  checkAnnotation(assign.annotation.get());
  // Read before any target is written, as the values are.
  std::vector<std::pair<std::string, llvm::SmallVector<const List *, 1>>>
      origins;
  for (const ExprPtr &target : assign.targets)
    collectEmptyListOrigins(*target, *assign.value, value, origins);
  for (const ExprPtr &target : assign.targets)
    assignTarget(*target, value, assign.getLoc());
  for (auto &[name, literals] : origins)
    state.emptyListOrigins[name] = std::move(literals);
}

bool InstanceWalker::checkListStore(const Type &list, const Type &value,
                                    SourceLoc loc) {
  // nmc's lists hold one type; Python would keep an int stored into a
  // list of floats as an int, and print it so.
  if (value.isUnknown() || value == list.getElement())
    return true;
  fail(loc, "storing " + value.str() + " into " + list.str() +
                " is not supported (nmc's lists hold one type; Python "
                "would keep the " +
                value.str() + ")");
  return false;
}

void InstanceWalker::walkAugAssign(const AugAssign &aug) {
  Type current = visit(*aug.target);
  Type value = visit(*aug.value);
  if (current.is(Type::Kind::List) && aug.op == BinOpKind::Mul)
    return (void)fail(aug.getLoc(), "'*=' of a list (repeating it in place) "
                                    "is not supported yet");
  // `l += other` extends the list in place.
  if (current.is(Type::Kind::List) && value.is(Type::Kind::List) &&
      aug.op == BinOpKind::Add) {
    current = refineEmptyList(*aug.target, current, value.getElement(),
                              aug.value->getLoc());
  }
  Type result = binaryResult(aug.op, current, value, aug.getLoc(),
                             aug.target.get(), aug.value.get());
  instance.augmentedResults[&aug] = result;
  // NumPy computes `a += b` into a: of a's dtype and shape.
  if (current.is(Type::Kind::Array) && result.is(Type::Kind::Array) &&
      result != current) {
    fail(aug.getLoc(),
         result.getRank() != current.getRank()
             ? "non-broadcastable output operand: " + current.str() + " " +
                   spell(aug.op) + "= " + value.str()
             : std::string("Cannot cast ufunc output from ") +
                   result.getElement().str() + " to " +
                   current.getElement().str() + " in " + current.str() + " " +
                   spell(aug.op) + "= " + value.str());
    return;
  }
  if (auto *name = dyn_cast<Name>(aug.target.get())) {
    bindVariable(name->id, result, aug.getLoc());
    return;
  }
  if (auto *sub = dyn_cast<Subscript>(aug.target.get())) {
    Type container = instance.typeOf(sub->value.get());
    if (container.is(Type::Kind::List)) {
      checkListStore(container, result, aug.getLoc());
      return;
    }
    if (!container.isUnknown() && !container.is(Type::Kind::Array))
      fail(aug.getLoc(), "augmented assignment to an element of " +
                             container.str() + " is not supported yet");
    else if (!result.isUnknown() && !result.isNumeric() &&
             !result.is(Type::Kind::Array))
      fail(aug.getLoc(), "cannot store " + result.str() + " into an array");
    return;
  }
  fail(aug.target->getLoc(), "augmented assignment to '" +
                                 toSource(*aug.target) +
                                 "' is outside the nmc subset");
}

Type InstanceWalker::iterationElement(const Expr &iter) {
  auto *call = dyn_cast<Call>(&iter);
  Type callee = call ? visit(*call->func) : Type::unknown();
  bool isIterator = callee.is(Type::Kind::Builtin) &&
                    getBuiltin(callee.getBuiltin()).rule == BuiltinRule::Range;
  if (!isIterator) {
    Type t = visit(iter);
    if (t.is(Type::Kind::List))
      return t.getElement();
    // An N-d array's rows are views.
    if (t.is(Type::Kind::Array))
      return t.getRank() == 1 ? t.getElement()
                              : Type::array(t.getElement(), t.getRank() - 1);
    if (t.is(Type::Kind::Str)) // its code points, each a str
      return t;
    if (t.is(Type::Kind::Tuple)) {
      // As Numba iterates a tuple: one element type (a UniTuple).
      const std::vector<Type> &elements = t.getElements();
      if (!elements.empty() && llvm::all_equal(elements))
        return elements[0];
      return fail(iter.getLoc(),
                  "iterating over " + t.str() +
                      (elements.empty() ? ""
                                        : ", whose elements have different "
                                          "types,") +
                      " is not supported yet");
    }
    if (!t.isUnknown())
      fail(iter.getLoc(),
           "iterating over " + t.str() + " is not supported yet");
    return Type::unknown();
  }
  const BuiltinInfo &iterator = getBuiltin(callee.getBuiltin());
  if (insideNjit() && !compiledByNumba(iterator))
    return rejectInsideNjit(*call, qualifiedName(iterator.id) + "()");
  auto checkInteger = [&](const Expr &arg) {
    Type t = visit(arg);
    if (!t.isUnknown())
      checkIntegerArgument(t, arg.getLoc());
  };
  switch (callee.getBuiltin()) {
  case BuiltinId::Reversed: {
    // reversed(seq) of a sequence: a list, a 1-d array or a range.
    if (!call->keywords.empty()) {
      fail(call->keywords.front().loc, "reversed() takes no keyword arguments");
      return Type::unknown();
    }
    if (!checkArgCount(*call, 1, 1, "reversed"))
      return Type::unknown();
    if (auto *inner = dyn_cast<Call>(call->args[0].get())) {
      Type innerCallee = visit(*inner->func);
      if (innerCallee.is(Type::Kind::Builtin) &&
          getBuiltin(innerCallee.getBuiltin()).rule == BuiltinRule::Range &&
          innerCallee.getBuiltin() != BuiltinId::Range) {
        fail(inner->getLoc(),
             "'" + toSource(*inner->func) + "' object is not reversible");
        return Type::unknown();
      }
    }
    return iterationElement(*call->args[0]);
  }
  case BuiltinId::Enumerate: {
    // enumerate(seq) or enumerate(seq, start): (index, element) pairs.
    if (!checkArgCount(*call, 1, 2, "enumerate"))
      return Type::unknown();
    const Expr *start = call->args.size() == 2 ? call->args[1].get() : nullptr;
    for (const Keyword &kw : call->keywords) {
      if (kw.name != "start" || start) {
        fail(kw.loc, "enumerate() got an unexpected keyword argument '" +
                         kw.name + "'");
        return Type::unknown();
      }
      // Numba 0.56 takes the start only positionally.
      if (insideNjit()) {
        fail(kw.loc, "enumerate() with start= is not supported inside an "
                     "@njit function (Numba rejects it; pass the start "
                     "positionally)");
        return Type::unknown();
      }
      start = kw.value.get();
    }
    Type element = iterationElement(*call->args[0]);
    if (start)
      checkInteger(*start);
    instance.boundArgs[call] = {call->args[0].get(), start};
    if (element.isUnknown())
      return element;
    return Type::tuple({Type::integer(), element});
  }
  case BuiltinId::Zip: {
    // zip(a, b, ...): tuples of one element of each, as long as the
    // shortest.
    if (!call->keywords.empty()) {
      fail(call->keywords.front().loc, "zip() takes no keyword arguments "
                                       "in the nmc subset");
      return Type::unknown();
    }
    if (call->args.empty()) {
      fail(call->getLoc(), "zip() of nothing is not supported");
      return Type::unknown();
    }
    std::vector<Type> elements;
    for (const ExprPtr &arg : call->args)
      elements.push_back(iterationElement(*arg));
    for (const Type &t : elements)
      if (t.isUnknown())
        return t;
    return Type::tuple(std::move(elements));
  }
  default:
    // range() and numba.prange().
    if (checkArgCount(*call, 1, 3, "range") && call->keywords.empty()) {
      for (const ExprPtr &arg : call->args)
        checkInteger(*arg);
    } else if (!call->keywords.empty()) {
      fail(call->getLoc(), "range() takes no keyword arguments");
    }
    return Type::integer();
  }
}

void InstanceWalker::walkFor(const For &forStmt) {
  Type element = iterationElement(*forStmt.iter);
  if (!isa<Name>(forStmt.target.get()) && !isa<Tuple>(forStmt.target.get())) {
    fail(forStmt.target->getLoc(),
         "a for-loop target must be a name or a tuple of names");
    return;
  }
  walkLoop(
      forStmt, [] {},
      [&] { assignTarget(*forStmt.target, element, forStmt.getLoc()); },
      forStmt.body, forStmt.orelse);
}

void InstanceWalker::walkWhile(const While &whileStmt) {
  walkLoop(
      whileStmt, [&] { checkCondition(*whileStmt.test, "a while condition"); },
      [] {}, whileStmt.body, whileStmt.orelse);
}

void InstanceWalker::walkLoop(const Stmt &loop,
                              llvm::function_ref<void()> atHeader,
                              llvm::function_ref<void()> atBodyStart,
                              const StmtList &body, const StmtList &orelse) {
  FlowState entry = state;
  FlowState header = entry;
  if (auto cached = loopHeaders.find(&loop); cached != loopHeaders.end())
    header = join(entry, cached->second);
  ErrorList errors;
  ErrorList *outerBuffer = errorBuffer;
  // Variables poisoned by an error of a discarded walk are not poisoned in
  // the next one, which reports that error again or none.
  llvm::StringSet<> poisonedAtEntry = poisoned;
  FlowState afterHeader;
  LoopExits exits;
  // Types only widen, so this ends; the bound guards against a bug.
  for (int walkCount = 0;; ++walkCount) {
    errors.clear();
    poisoned = poisonedAtEntry;
    errorBuffer = &errors;
    state = header;
    atHeader();
    afterHeader = state;
    loops.emplace_back();
    atBodyStart();
    walkBody(body);
    exits = loops.back();
    loops.pop_back();
    FlowState backEdges = state;
    for (const FlowState &c : exits.continues)
      backEdges = join(backEdges, c);
    // Joined with the header, not the entry: a conflict found at the
    // header stays, though the walk that read it left the variable
    // untyped (`s = s + a` of a float s and an array a).
    FlowState next = join(header, backEdges);
    if (next == header || walkCount == 50)
      break;
    header = next;
  }
  errorBuffer = outerBuffer;
  // The last walk's errors go where this loop's own errors would.
  for (const PendingError &error : errors)
    fail(error.loc, error.message, error.notes);
  loopHeaders[&loop] = header;
  // The else clause runs when the header ends the loop; break skips it.
  state = afterHeader;
  walkBody(orelse);
  for (const FlowState &b : exits.breaks)
    state = join(state, b);
}

/// The truth of a condition that is a literal (`if False:`, `if 0:`), or
/// nothing.
static std::optional<bool> literalTruth(const Expr &test) {
  if (auto *b = dyn_cast<BoolLit>(&test))
    return b->value;
  if (auto *i = dyn_cast<IntLit>(&test))
    return i->value != 0;
  if (auto *f = dyn_cast<FloatLit>(&test))
    return f->value != 0.0;
  return std::nullopt;
}

void InstanceWalker::walkIf(const If &ifStmt) {
  checkCondition(*ifStmt.test, "an if condition");
  if (std::optional<bool> truth = literalTruth(*ifStmt.test))
    instance.constantConditions[ifStmt.test.get()] = *truth;
  auto constant = instance.constantConditions.find(ifStmt.test.get());
  if (constant != instance.constantConditions.end()) {
    // Only the branch that runs is compiled, as Python only runs that one.
    walkBody(constant->second ? ifStmt.body : ifStmt.orelse);
    return;
  }
  FlowState before = state;
  walkBody(ifStmt.body);
  FlowState afterThen = std::move(state);
  state = std::move(before);
  walkBody(ifStmt.orelse);
  state = join(afterThen, state);
}

void InstanceWalker::walkReturn(const Return &ret) {
  if (instance.isModuleBody()) {
    fail(ret.getLoc(), "'return' outside function");
    return;
  }
  Type value = ret.value ? visit(*ret.value) : Type::none();
  if (!value.isUnknown() && !value.isRuntime()) {
    fail(ret.getLoc(), "returning " + value.str() + " is not supported");
    return;
  }
  std::optional<Type> unified = unify(instance.returnType, value);
  if (!unified) {
    fail(ret.getLoc(),
         "function '" + instance.def->name + "' returns " +
             instance.returnType.str() + " and " + value.str() +
             ", which do not unify",
         {{instance.returnTypeGivenAt,
           "it returns " + instance.returnType.str() + " here"}});
    return;
  }
  if (*unified != instance.returnType) {
    instance.returnType = *unified;
    instance.returnTypeGivenAt = ret.getLoc();
    inference.markChanged();
  }
}

/// Whether `import` names only modules and attributes nmc knows, so that
/// it succeeds.
static bool importSucceeds(const Import &import) {
  for (const ImportAlias &alias : import.names) {
    std::optional<BuiltinScope> module = lookupModule(alias.module);
    if (!module)
      return false;
    if (!alias.name.empty() && !lookupBuiltin(*module, alias.name).info)
      return false;
  }
  return true;
}

/// Whether an except clause catches a failed import: a bare `except:`, or
/// ImportError, ModuleNotFoundError or Exception, alone or in a tuple.
static bool catchesImportError(const Expr *type) {
  if (!type)
    return true;
  if (auto *tuple = dyn_cast<Tuple>(type))
    return llvm::any_of(tuple->elts, [](const ExprPtr &elt) {
      return catchesImportError(elt.get());
    });
  auto *name = dyn_cast<Name>(type);
  return name &&
         (name->id == "ImportError" || name->id == "ModuleNotFoundError" ||
          name->id == "Exception" || name->id == "BaseException");
}

void InstanceWalker::walkTry(const Try &tryStmt) {
  // Only `try: import X / except ImportError:`, decided at compile time:
  // an import of what nmc knows succeeds, any other fails.
  bool onlyImports = !tryStmt.body.empty() &&
                     llvm::all_of(tryStmt.body, [](const StmtPtr &stmt) {
                       return isa<Import>(stmt.get());
                     });
  if (!onlyImports) {
    fail(tryStmt.getLoc(), "'try' statements other than around imports "
                           "(try: import ... except ImportError:) are not "
                           "supported yet");
    return;
  }
  bool succeeds = llvm::all_of(tryStmt.body, [](const StmtPtr &stmt) {
    return importSucceeds(cast<Import>(*stmt));
  });
  int outcome = -1;
  if (!succeeds) {
    auto it = llvm::find_if(tryStmt.handlers, [](const ExceptHandler &h) {
      return catchesImportError(h.type.get());
    });
    // No clause catches it: the import's own error.
    if (it == tryStmt.handlers.end())
      return walkBody(tryStmt.body);
    if (!it->name.empty()) {
      fail(it->loc, "'except ... as " + it->name + "' is not supported yet");
      return;
    }
    outcome = static_cast<int>(it - tryStmt.handlers.begin());
  }
  instance.tryOutcomes[&tryStmt] = outcome;
  walkBody(outcome < 0 ? tryStmt.body : tryStmt.handlers[outcome].body);
  if (outcome < 0)
    walkBody(tryStmt.orelse);
  walkBody(tryStmt.finalbody);
}

void InstanceWalker::walkImport(const Import &import) {
  for (const ImportAlias &alias : import.names) {
    std::optional<BuiltinScope> module = lookupModule(alias.module);
    if (!module) {
      fail(alias.loc, "module '" + alias.module +
                          "' is outside the nmc subset (nmc knows numpy, "
                          "numba, mpi4py, math, sys and time)");
      continue;
    }
    std::string boundName = alias.asName;
    Type bound;
    if (alias.name.empty()) {
      // `import a.b` binds `a`; `import a.b as c` binds `c` to a.b.
      std::string moduleName = alias.module;
      if (boundName.empty()) {
        moduleName = moduleName.substr(0, moduleName.find('.'));
        boundName = moduleName;
      }
      bound = Type::module(*lookupModule(moduleName));
    } else {
      std::optional<Type> attr =
          lookupAttribute(*module, alias.name, Type::unknown(), alias.loc);
      if (!attr)
        continue;
      bound = *attr;
    }
    bindVariable(boundName, bound, alias.loc);
  }
}

void InstanceWalker::walkFunctionDef(const FunctionDef &def) {
  if (!instance.isModuleBody()) {
    fail(def.getLoc(), "nested functions (closures) are outside the nmc "
                       "subset");
    poisoned.insert(def.name);
    return;
  }
  for (const ExprPtr &decorator : def.decorators) {
    const Expr *callee = decorator.get();
    if (auto *call = dyn_cast<Call>(callee))
      callee = call->func.get();
    Type t = visit(*callee);
    if (!t.is(Type::Kind::Builtin) ||
        getBuiltin(t.getBuiltin()).rule != BuiltinRule::Decorator)
      fail(decorator->getLoc(), "decorator '" + toSource(*decorator) +
                                    "' is outside the nmc subset (only "
                                    "numba.njit and numba.jit)");
  }
  for (const Param &param : def.params) {
    checkAnnotation(param.annotation.get());
    // Python evaluates a default once, at the def; nmc substitutes it into
    // each call, which is the same only for literals.
    if (param.defaultValue && !isLiteral(*param.defaultValue))
      fail(param.defaultValue->getLoc(),
           "default values other than literals are not supported yet");
  }
  checkAnnotation(def.returns.get());
  bindVariable(def.name, Type::function(&def), def.getLoc());
}
