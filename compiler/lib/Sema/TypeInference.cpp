//===- TypeInference.cpp - Types for every expression ---------------------===//
//
// Inference runs to a fixed point: the module body and every function
// instance found so far are walked again and again, widening variable and
// return types (int with float gives float, as in Numba), until nothing
// changes. Errors are held back during that exploration, because a type can
// be unknown only for now; a last walk reports them.
//
//===----------------------------------------------------------------------===//

#include "nmc/Sema/TypeInference.h"

#include "nmc/Sema/Builtins.h"

#include "llvm/ADT/STLExtras.h"

using namespace nmc;
using namespace nmc::ast;
using namespace nmc::sema;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

namespace {

/// Names a function body binds: parameters, assignment and loop targets.
/// Python makes them local to the whole function.
void collectBoundNames(const StmtList &body, llvm::StringSet<> &names);

void collectTargetNames(const Expr &target, llvm::StringSet<> &names) {
  if (auto *name = dyn_cast<Name>(&target))
    names.insert(name->id);
  else if (auto *tuple = dyn_cast<Tuple>(&target))
    for (const ExprPtr &elt : tuple->elts)
      collectTargetNames(*elt, names);
}

void collectBoundNames(const StmtList &body, llvm::StringSet<> &names) {
  for (const StmtPtr &stmt : body) {
    if (auto *assign = dyn_cast<Assign>(stmt.get())) {
      for (const ExprPtr &target : assign->targets)
        collectTargetNames(*target, names);
    } else if (auto *aug = dyn_cast<AugAssign>(stmt.get())) {
      collectTargetNames(*aug->target, names);
    } else if (auto *forStmt = dyn_cast<For>(stmt.get())) {
      collectTargetNames(*forStmt->target, names);
      collectBoundNames(forStmt->body, names);
      collectBoundNames(forStmt->orelse, names);
    } else if (auto *whileStmt = dyn_cast<While>(stmt.get())) {
      collectBoundNames(whileStmt->body, names);
      collectBoundNames(whileStmt->orelse, names);
    } else if (auto *ifStmt = dyn_cast<If>(stmt.get())) {
      collectBoundNames(ifStmt->body, names);
      collectBoundNames(ifStmt->orelse, names);
    } else if (auto *import = dyn_cast<Import>(stmt.get())) {
      for (const ImportAlias &alias : import->names)
        names.insert(alias.asName.empty()
                         ? alias.module.substr(0, alias.module.find('.'))
                         : alias.asName);
    } else if (auto *def = dyn_cast<FunctionDef>(stmt.get())) {
      names.insert(def->name);
    }
  }
}

/// Whether print() writes values of `t` as Python does. Strings inside
/// tuples would need repr() quoting.
bool isPrintable(const Type &t, bool insideTuple = false) {
  switch (t.getKind()) {
  case Type::Kind::None:
  case Type::Kind::Bool:
  case Type::Kind::Int:
  case Type::Kind::Float:
  case Type::Kind::List:
    return true;
  case Type::Kind::Str:
    return !insideTuple;
  case Type::Kind::Tuple:
    return llvm::all_of(t.getElements(), [](const Type &element) {
      return isPrintable(element, /*insideTuple=*/true);
    });
  default:
    return false;
  }
}

/// A literal, possibly negated: 3, -2.5, True, None, "text".
bool isLiteral(const Expr &expr) {
  if (auto *un = dyn_cast<UnaryOp>(&expr))
    return (un->op == UnaryOpKind::Neg || un->op == UnaryOpKind::Pos) &&
           (isa<IntLit>(un->operand.get()) || isa<FloatLit>(un->operand.get()));
  return isa<IntLit, FloatLit, StrLit, BoolLit, NoneLit>(&expr);
}

/// Whether a loop body can leave the loop with `break` (not counting
/// breaks of nested loops).
bool canBreak(const StmtList &body) {
  for (const StmtPtr &stmt : body) {
    if (isa<Break>(stmt.get()))
      return true;
    if (auto *ifStmt = dyn_cast<If>(stmt.get()))
      if (canBreak(ifStmt->body) || canBreak(ifStmt->orelse))
        return true;
  }
  return false;
}

/// Whether control can never fall off the end of `body`.
bool alwaysReturns(const StmtList &body) {
  if (body.empty())
    return false;
  const Stmt *last = body.back().get();
  if (isa<Return>(last))
    return true;
  if (auto *ifStmt = dyn_cast<If>(last))
    return alwaysReturns(ifStmt->body) && alwaysReturns(ifStmt->orelse);
  // `while True:` without a break only leaves by returning; a loop whose
  // `else` returns and that cannot break returns either way.
  if (auto *whileStmt = dyn_cast<While>(last)) {
    auto *test = dyn_cast<BoolLit>(whileStmt->test.get());
    if (canBreak(whileStmt->body))
      return false;
    return (test && test->value) || alwaysReturns(whileStmt->orelse);
  }
  if (auto *forStmt = dyn_cast<For>(last))
    return !canBreak(forStmt->body) && alwaysReturns(forStmt->orelse);
  return false;
}

class Inference;

/// Walks one instance's body once, typing every expression.
class InstanceWalker {
public:
  InstanceWalker(Inference &inference, FunctionInstance &instance,
                 const llvm::StringSet<> &localNames)
      : inference(inference), instance(instance), localNames(localNames) {}

  void walkBody(const StmtList &body);

private:
  // Statements.
  void walk(const Stmt &stmt);
  void walkAssign(const Assign &assign);
  void walkAugAssign(const AugAssign &aug);
  void walkFor(const For &forStmt);
  void walkIf(const If &ifStmt);
  void walkReturn(const Return &ret);
  void walkImport(const Import &import);
  /// The type of `scope.name` (`value.name` for a communicator or array
  /// value); reports names outside the table.
  std::optional<Type> lookupAttribute(BuiltinScope scope, llvm::StringRef name,
                                      const Type &value, SourceLoc loc);
  void walkFunctionDef(const FunctionDef &def);
  void assignTarget(const Expr &target, const Type &value, SourceLoc loc);
  void bindVariable(const std::string &name, const Type &type, SourceLoc loc);

  // Expressions.
  Type visit(const Expr &expr);
  Type visitExpr(const Expr &expr);
  Type visitName(const Name &name);
  Type visitAttribute(const Attribute &attr);
  Type visitSubscript(const Subscript &sub);
  Type visitCall(const Call &call);
  Type visitBinOp(const BinOp &bin);
  Type visitUnaryOp(const UnaryOp &un);
  Type visitBoolOp(const BoolOp &boolOp);
  Type visitCompare(const Compare &cmp);
  Type visitIfExp(const IfExp &ifExp);
  Type callUserFunction(const Call &call, const FunctionDef &def);
  Type callBuiltin(const Call &call, const BuiltinInfo &info);
  Type callPrint(const Call &call);
  Type callNumberFunction(const Call &call, const BuiltinInfo &info,
                          const std::string &name,
                          const std::vector<Type> &args);
  Type callCommMethod(const Call &call, const BuiltinInfo &info,
                      const std::string &name);
  Type checkAllreduce(const Type &value, const Expr *valueExpr, const Expr *op);
  Type callArrayConstructor(const Call &call);
  Type binaryResult(BinOpKind op, const Type &lhs, const Type &rhs,
                    SourceLoc loc);
  std::optional<bool> foldStringComparison(const Compare &cmp);
  std::optional<std::string> constantString(const Expr &expr);
  /// Whether `name` is a variable here: local, or bound at module level.
  bool bindsName(llvm::StringRef name);
  const Expr *keyword(const Call &call, llvm::StringRef name);
  bool checkArgCount(const Call &call, size_t min, size_t max,
                     llvm::StringRef what);
  /// Types a collective's root (absent means 0): an int, or a bool as
  /// Python allows.
  bool checkRoot(const Expr *root, llvm::StringRef method);

  Type fail(SourceLoc loc, const std::string &message);
  /// Types a condition, which must be a number (bool, int or float).
  Type checkCondition(const Expr &test, llvm::StringRef what);

  Inference &inference;
  FunctionInstance &instance;
  const llvm::StringSet<> &localNames;
  llvm::StringSet<> poisoned;
  int loopDepth = 0;
};

class Inference {
public:
  Inference(const ast::Module &module, DiagnosticEngine &diags)
      : module(module), diags(diags) {}

  std::unique_ptr<Program> run();

  /// The instance of `def` for `argTypes`, created on first request.
  FunctionInstance *getInstance(const FunctionDef &def,
                                const std::vector<Type> &argTypes);
  Program &getProgram() { return *program; }
  bool isChecking() const { return checking; }
  void reportIfAlone(SourceLoc loc, std::string message) {
    lastResortErrors.push_back({loc, std::move(message)});
  }
  void markChanged() { changed = true; }
  DiagnosticEngine &getDiags() { return diags; }

private:
  void walkInstance(FunctionInstance &instance);

  const ast::Module &module;
  DiagnosticEngine &diags;
  std::unique_ptr<Program> program;
  llvm::DenseMap<const FunctionDef *, llvm::StringSet<>> boundNames;
  llvm::StringSet<> moduleNames;
  std::vector<std::pair<SourceLoc, std::string>> lastResortErrors;
  bool changed = false;
  bool checking = false;
};

} // namespace

//===----------------------------------------------------------------------===//
// Inference driver
//===----------------------------------------------------------------------===//

std::unique_ptr<Program> Inference::run() {
  program = std::make_unique<Program>();
  program->module = &module;
  auto body = std::make_unique<FunctionInstance>();
  body->symbol = "__nmc_main";
  body->returnType = Type::none();
  program->instances.push_back(std::move(body));
  collectBoundNames(module.body, moduleNames);

  // Explore until no type changes; the bound guards against a bug looping.
  for (int round = 0; round < 100; ++round) {
    changed = false;
    for (size_t i = 0; i < program->instances.size(); ++i)
      walkInstance(*program->instances[i]);
    if (!changed)
      break;
  }
  checking = true;
  unsigned errorsBefore = diags.getNumErrors();
  for (size_t i = 0; i < program->instances.size(); ++i)
    walkInstance(*program->instances[i]);
  if (diags.getNumErrors() == errorsBefore)
    for (const auto &[loc, message] : lastResortErrors)
      diags.error(loc, message);
  if (diags.getNumErrors() != errorsBefore)
    return nullptr;
  return std::move(program);
}

void Inference::walkInstance(FunctionInstance &instance) {
  if (instance.isModuleBody()) {
    InstanceWalker(*this, instance, moduleNames).walkBody(module.body);
    return;
  }
  const FunctionDef &def = *instance.def;
  auto [it, inserted] = boundNames.try_emplace(&def);
  if (inserted) {
    for (const Param &param : def.params)
      it->second.insert(param.name);
    collectBoundNames(def.body, it->second);
  }
  InstanceWalker(*this, instance, it->second).walkBody(def.body);
  if (!alwaysReturns(def.body)) {
    // Falling off the end returns None.
    std::optional<Type> ret = unify(instance.returnType, Type::none());
    if (!ret) {
      if (checking)
        diags.error(def.getLoc(),
                    "function '" + def.name + "' returns " +
                        instance.returnType.str() +
                        " but can also reach its end and return None");
    } else if (*ret != instance.returnType) {
      instance.returnType = *ret;
      changed = true;
    }
  }
}

FunctionInstance *Inference::getInstance(const FunctionDef &def,
                                         const std::vector<Type> &argTypes) {
  for (auto &instance : program->instances)
    if (instance->def == &def && instance->paramTypes == argTypes)
      return instance.get();
  auto instance = std::make_unique<FunctionInstance>();
  instance->def = &def;
  instance->paramTypes = argTypes;
  // Always a `__` suffix: a user's `main` or `sqrt` must not become the C
  // symbol of that name.
  instance->symbol = def.name + "__";
  for (size_t i = 0; i < argTypes.size(); ++i)
    instance->symbol += (i ? "__" : "") + argTypes[i].mangle();
  for (size_t i = 0; i < def.params.size(); ++i) {
    instance->localNames.push_back(def.params[i].name);
    instance->locals[def.params[i].name] = argTypes[i];
  }
  for (const ExprPtr &decorator : def.decorators)
    if (auto *call = dyn_cast<Call>(decorator.get()))
      for (const Keyword &kw : call->keywords)
        if (kw.name == "fastmath")
          if (auto *flag = dyn_cast<BoolLit>(kw.value.get()))
            instance->fastmath = flag->value;
  program->instances.push_back(std::move(instance));
  changed = true;
  return program->instances.back().get();
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

Type InstanceWalker::fail(SourceLoc loc, const std::string &message) {
  if (inference.isChecking())
    inference.getDiags().error(loc, message);
  return Type::unknown();
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
  case Stmt::Kind::While: {
    auto &whileStmt = cast<While>(stmt);
    checkCondition(*whileStmt.test, "a while condition");
    ++loopDepth;
    walkBody(whileStmt.body);
    --loopDepth;
    walkBody(whileStmt.orelse);
    return;
  }
  case Stmt::Kind::Break:
  case Stmt::Kind::Continue:
    if (loopDepth == 0)
      fail(stmt.getLoc(), std::string("'") +
                              (isa<Break>(stmt) ? "break" : "continue") +
                              "' outside loop");
    return;
  case Stmt::Kind::Return:
    return walkReturn(cast<Return>(stmt));
  case Stmt::Kind::Pass:
    return;
  case Stmt::Kind::Import:
    return walkImport(cast<Import>(stmt));
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

void InstanceWalker::bindVariable(const std::string &name, const Type &type,
                                  SourceLoc loc) {
  auto [it, inserted] = instance.locals.try_emplace(name, type);
  if (inserted) {
    instance.localNames.push_back(name);
    if (!type.isUnknown())
      inference.markChanged();
    return;
  }
  std::optional<Type> unified = unify(it->second, type);
  if (!unified) {
    fail(loc, "variable '" + name + "' holds " + it->second.str() + " and " +
                  type.str() + ", which do not unify");
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
    if (container.is(Type::Kind::Array) && container.getRank() == 1 &&
        index.is(Type::Kind::Int)) {
      if (!value.isNumeric())
        fail(loc, "cannot store " + value.str() + " into " + container.str());
      return;
    }
    // `a[lo:hi] = x` fills the view with a number or copies a 1-d array.
    if (container.is(Type::Kind::Array) && container.getRank() == 1 &&
        index.is(Type::Kind::Slice)) {
      bool array = value.is(Type::Kind::Array) && value.getRank() == 1;
      if (!value.isNumeric() && !array)
        fail(loc, "cannot assign " + value.str() + " to a slice of " +
                      container.str());
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

void InstanceWalker::walkAssign(const Assign &assign) {
  Type value = visit(*assign.value);
  if (assign.annotation)
    fail(assign.annotation->getLoc(),
         "variable annotations are not supported yet");
  for (const ExprPtr &target : assign.targets)
    assignTarget(*target, value, assign.getLoc());
}

void InstanceWalker::walkAugAssign(const AugAssign &aug) {
  Type current = visit(*aug.target);
  Type value = visit(*aug.value);
  Type result = binaryResult(aug.op, current, value, aug.getLoc());
  instance.augmentedResults[&aug] = result;
  if (auto *name = dyn_cast<Name>(aug.target.get())) {
    bindVariable(name->id, result, aug.getLoc());
    return;
  }
  if (auto *sub = dyn_cast<Subscript>(aug.target.get())) {
    Type container = instance.typeOf(sub->value.get());
    if (!container.isUnknown() && !container.is(Type::Kind::Array))
      fail(aug.getLoc(), "augmented assignment to an element of " +
                             container.str() + " is not supported yet");
    else if (!result.isUnknown() && !result.isNumeric())
      fail(aug.getLoc(), "cannot store " + result.str() + " into an array");
    return;
  }
  fail(aug.target->getLoc(), "augmented assignment to '" +
                                 toSource(*aug.target) +
                                 "' is outside the nmc subset");
}

void InstanceWalker::walkFor(const For &forStmt) {
  Type element = Type::unknown();
  auto *call = dyn_cast<Call>(forStmt.iter.get());
  Type callee = call ? visit(*call->func) : Type::unknown();
  bool isRange = callee.is(Type::Kind::Builtin) &&
                 getBuiltin(callee.getBuiltin()).rule == BuiltinRule::Range;
  if (isRange) {
    if (checkArgCount(*call, 1, 3, "range") && call->keywords.empty()) {
      for (const ExprPtr &arg : call->args) {
        Type t = visit(*arg);
        if (!t.isUnknown() && (!t.isNumeric() || t.is(Type::Kind::Float)))
          fail(arg->getLoc(), "'" + t.str() +
                                  "' object cannot be interpreted as an "
                                  "integer");
      }
    } else if (!call->keywords.empty()) {
      fail(call->getLoc(), "range() takes no keyword arguments");
    }
    element = Type::integer();
  } else {
    Type iter = visit(*forStmt.iter);
    if (iter.is(Type::Kind::List))
      element = iter.getElement();
    else if (iter.is(Type::Kind::Array) && iter.getRank() == 1)
      element = iter.getElement();
    else if (!iter.isUnknown())
      fail(forStmt.iter->getLoc(),
           "iterating over " + iter.str() + " is not supported yet");
  }
  if (!isa<Name>(forStmt.target.get()))
    fail(forStmt.target->getLoc(), "a for-loop target must be a name for now");
  else
    assignTarget(*forStmt.target, element, forStmt.getLoc());
  ++loopDepth;
  walkBody(forStmt.body);
  --loopDepth;
  walkBody(forStmt.orelse);
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
  walkBody(ifStmt.body);
  walkBody(ifStmt.orelse);
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
    fail(ret.getLoc(), "function '" + instance.def->name + "' returns " +
                           instance.returnType.str() + " and " + value.str() +
                           ", which do not unify");
    return;
  }
  if (*unified != instance.returnType) {
    instance.returnType = *unified;
    inference.markChanged();
  }
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

std::optional<Type> InstanceWalker::lookupAttribute(BuiltinScope scope,
                                                    llvm::StringRef name,
                                                    const Type &value,
                                                    SourceLoc loc) {
  BuiltinLookup found = lookupBuiltin(scope, name);
  if (!found.info) {
    std::string what = "'" + qualifiedName(scope, name) + "'";
    if (scope == BuiltinScope::Comm || scope == BuiltinScope::Array)
      what = value.str() + " attribute '" + name.str() + "'";
    fail(loc, what + (found.planned ? " is not supported yet"
                                    : " is outside the nmc subset"));
    return std::nullopt;
  }
  const BuiltinInfo &info = *found.info;
  switch (info.rule) {
  case BuiltinRule::Constant:
    return Type::floating();
  case BuiltinRule::Submodule:
    return Type::module(BuiltinScope::MPI);
  case BuiltinRule::CommValue:
    return Type::comm();
  case BuiltinRule::ReduceOperator:
    return Type::reduceOp(info.id);
  case BuiltinRule::IntAttribute:
    return Type::integer();
  case BuiltinRule::ShapeAttribute:
    return Type::tuple(std::vector<Type>(value.getRank(), Type::integer()));
  case BuiltinRule::Print:
  case BuiltinRule::Range:
  case BuiltinRule::Len:
  case BuiltinRule::Abs:
  case BuiltinRule::MinMax:
  case BuiltinRule::ToInt:
  case BuiltinRule::ToFloat:
  case BuiltinRule::ToBool:
  case BuiltinRule::Round:
  case BuiltinRule::FloatOfNumber:
  case BuiltinRule::IntOfNumber:
  case BuiltinRule::BoolOfNumber:
  case BuiltinRule::FloatOfTwoNumbers:
  case BuiltinRule::FloatOfNothing:
  case BuiltinRule::IntOfNothing:
  case BuiltinRule::ArrayConstructor:
  case BuiltinRule::Dtype:
  case BuiltinRule::Decorator:
  case BuiltinRule::Barrier:
  case BuiltinRule::Gather:
  case BuiltinRule::Allgather:
  case BuiltinRule::Bcast:
  case BuiltinRule::Allreduce:
    return Type::builtin(info.id);
  }
  return std::nullopt;
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
    if (param.annotation)
      fail(param.annotation->getLoc(),
           "parameter annotations are not supported yet");
    // Python evaluates a default once, at the def; nmc substitutes it into
    // each call, which is the same only for literals.
    if (param.defaultValue && !isLiteral(*param.defaultValue))
      fail(param.defaultValue->getLoc(),
           "default values other than literals are not supported yet");
  }
  if (def.returns)
    fail(def.returns->getLoc(), "return annotations are not supported yet");
  bindVariable(def.name, Type::function(&def), def.getLoc());
}

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
    for (const ExprPtr &elt : cast<Tuple>(expr).elts)
      elements.push_back(visit(*elt));
    return Type::tuple(std::move(elements));
  }
  case Expr::Kind::List: {
    Type element = Type::unknown();
    for (const ExprPtr &elt : cast<List>(expr).elts) {
      Type t = visit(*elt);
      if (t.isUnknown())
        return t;
      std::optional<Type> unified = unify(element, t);
      if (!t.isNumeric() || !unified)
        return fail(elt->getLoc(), "a list literal holds numbers of one "
                                   "kind (bool, int or float), not " +
                                       t.str());
      element = *unified;
    }
    if (element.isUnknown())
      return fail(expr.getLoc(), "the element type of an empty list cannot "
                                 "be inferred");
    return Type::list(element);
  }
  }
  return Type::unknown();
}

Type InstanceWalker::visitName(const Name &name) {
  if (localNames.contains(name.id)) {
    auto it = instance.locals.find(name.id);
    if (it != instance.locals.end() && !it->second.isUnknown())
      return it->second;
    if (poisoned.contains(name.id))
      return Type::unknown();
    // A local read before any assignment reached it.
    return fail(name.getLoc(), "local variable '" + name.id +
                                   "' is used before it has a type");
  }
  if (!instance.isModuleBody()) {
    Type global = inference.getProgram().globalType(name.id);
    if (!global.isUnknown()) {
      if (global.is(Type::Kind::Array) || global.is(Type::Kind::Tuple))
        return fail(name.getLoc(), "reading module-level " + global.str() +
                                       " '" + name.id +
                                       "' inside a function is not "
                                       "supported yet");
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
  // NumPy reads a bool index as a mask, not as 0 or 1.
  if (container.is(Type::Kind::Array) && container.getRank() == 1 &&
      index.is(Type::Kind::Int))
    return container.getElement();
  // A slice of an array is a view of the same data.
  if (container.is(Type::Kind::Array) && container.getRank() == 1 &&
      index.is(Type::Kind::Slice))
    return container;
  if (container.is(Type::Kind::List) && intIndex)
    return container.getElement();
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
    if (!lit)
      return fail(sub.index->getLoc(),
                  "a tuple index must be an integer literal");
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

const Expr *InstanceWalker::keyword(const Call &call, llvm::StringRef name) {
  for (const Keyword &kw : call.keywords)
    if (kw.name == name)
      return kw.value.get();
  return nullptr;
}

bool InstanceWalker::checkArgCount(const Call &call, size_t min, size_t max,
                                   llvm::StringRef what) {
  size_t n = call.args.size();
  if (n >= min && n <= max)
    return true;
  std::string expected =
      min == max ? std::to_string(min)
                 : std::to_string(min) + " to " + std::to_string(max);
  fail(call.getLoc(), what.str() + "() takes " + expected +
                          " positional arguments but " + std::to_string(n) +
                          " were given");
  return false;
}

bool InstanceWalker::checkRoot(const Expr *root, llvm::StringRef method) {
  if (!root)
    return true;
  Type t = visit(*root);
  if (t.isUnknown() || t.is(Type::Kind::Int) || t.is(Type::Kind::Bool))
    return true;
  fail(root->getLoc(),
       method.str() + "()'s root must be an int, not " + t.str());
  return false;
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

Type InstanceWalker::callUserFunction(const Call &call,
                                      const FunctionDef &def) {
  // Bind arguments to parameters as Python does.
  std::vector<const Expr *> bound(def.params.size(), nullptr);
  if (call.args.size() > def.params.size())
    return fail(call.getLoc(),
                def.name + "() takes " + std::to_string(def.params.size()) +
                    " positional arguments but " +
                    std::to_string(call.args.size()) + " were given");
  for (size_t i = 0; i < call.args.size(); ++i)
    bound[i] = call.args[i].get();
  for (const Keyword &kw : call.keywords) {
    auto it = llvm::find_if(def.params,
                            [&](const Param &p) { return p.name == kw.name; });
    if (it == def.params.end())
      return fail(kw.loc, def.name + "() got an unexpected keyword argument '" +
                              kw.name + "'");
    size_t i = it - def.params.begin();
    if (bound[i])
      return fail(kw.loc, def.name + "() got multiple values for argument '" +
                              kw.name + "'");
    bound[i] = kw.value.get();
  }
  std::vector<Type> argTypes;
  bool known = true;
  for (size_t i = 0; i < bound.size(); ++i) {
    if (!bound[i])
      bound[i] = def.params[i].defaultValue.get();
    if (!bound[i])
      return fail(call.getLoc(), def.name + "() missing required argument: '" +
                                     def.params[i].name + "'");
    Type t = visit(*bound[i]);
    if (!t.isUnknown() && !t.isRuntime() && !t.is(Type::Kind::Comm))
      return fail(bound[i]->getLoc(),
                  "passing " + t.str() + " to a function is not supported");
    known &= !t.containsUnknown();
    argTypes.push_back(t);
  }
  instance.boundArgs[&call] = bound;
  if (!known)
    return Type::unknown();
  FunctionInstance *callee = inference.getInstance(def, argTypes);
  instance.callees[&call] = callee;
  if (callee->returnType.isUnknown() && inference.isChecking())
    // Another error may be the cause; this one is reported only if none is.
    inference.reportIfAlone(call.getLoc(),
                            "cannot infer the return type of '" + def.name +
                                "': every return depends on a recursive call");
  return callee->returnType;
}

Type InstanceWalker::callBuiltin(const Call &call, const BuiltinInfo &info) {
  // Messages name methods as Python does: gather(), not comm.gather().
  std::string name = info.scope == BuiltinScope::Comm ? std::string(info.name)
                                                      : qualifiedName(info.id);
  switch (info.rule) {
  case BuiltinRule::Print:
    return callPrint(call);
  case BuiltinRule::Range:
    return fail(call.getLoc(), "range() is supported only as the iterable "
                               "of a for loop");
  case BuiltinRule::Decorator:
    return fail(call.getLoc(),
                name + "() is supported only as a function decorator");
  case BuiltinRule::Dtype:
    return fail(call.getLoc(), name + "() is not supported yet");
  case BuiltinRule::Barrier:
  case BuiltinRule::Gather:
  case BuiltinRule::Allgather:
  case BuiltinRule::Bcast:
  case BuiltinRule::Allreduce:
    return callCommMethod(call, info, name);
  case BuiltinRule::Len:
  case BuiltinRule::Abs:
  case BuiltinRule::MinMax:
  case BuiltinRule::ToInt:
  case BuiltinRule::ToFloat:
  case BuiltinRule::ToBool:
  case BuiltinRule::Round:
  case BuiltinRule::FloatOfNumber:
  case BuiltinRule::IntOfNumber:
  case BuiltinRule::BoolOfNumber:
  case BuiltinRule::FloatOfTwoNumbers:
  case BuiltinRule::FloatOfNothing:
  case BuiltinRule::IntOfNothing:
  case BuiltinRule::ArrayConstructor:
    break;
  case BuiltinRule::Submodule:
  case BuiltinRule::CommValue:
  case BuiltinRule::ReduceOperator:
  case BuiltinRule::IntAttribute:
  case BuiltinRule::ShapeAttribute:
  case BuiltinRule::Constant:
    return fail(call.getLoc(), "'" + name + "' is not callable");
  }
  std::vector<Type> args;
  for (const ExprPtr &arg : call.args) {
    args.push_back(visit(*arg));
    if (args.back().isUnknown())
      return Type::unknown();
  }
  if (info.rule == BuiltinRule::ArrayConstructor)
    return callArrayConstructor(call);
  if (!call.keywords.empty())
    return fail(call.keywords.front().loc,
                name + "() takes no keyword arguments in the nmc subset");
  switch (info.rule) {
  case BuiltinRule::Len:
    if (!checkArgCount(call, 1, 1, name))
      return Type::unknown();
    if (args[0].is(Type::Kind::Array) || args[0].is(Type::Kind::List) ||
        args[0].is(Type::Kind::Tuple))
      return Type::integer();
    return fail(call.args[0]->getLoc(),
                "object of type '" + args[0].str() + "' has no len()");
  case BuiltinRule::FloatOfNothing:
    checkArgCount(call, 0, 0, info.name);
    return Type::floating();
  case BuiltinRule::IntOfNothing:
    checkArgCount(call, 0, 0, info.name);
    return Type::integer();
  default:
    return callNumberFunction(call, info, name, args);
  }
}

Type InstanceWalker::callNumberFunction(const Call &call,
                                        const BuiltinInfo &info,
                                        const std::string &name,
                                        const std::vector<Type> &args) {
  for (size_t i = 0; i < args.size(); ++i)
    if (!args[i].isNumeric())
      return fail(call.args[i]->getLoc(),
                  name + "() of " + args[i].str() + " is not supported yet");
  size_t arity = info.rule == BuiltinRule::FloatOfTwoNumbers ? 2 : 1;
  if (info.rule != BuiltinRule::MinMax &&
      !checkArgCount(call, arity, arity, name))
    return Type::unknown();
  switch (info.rule) {
  case BuiltinRule::Abs:
    return args[0].is(Type::Kind::Float) ? Type::floating() : Type::integer();
  case BuiltinRule::MinMax: {
    if (args.size() < 2)
      return fail(call.getLoc(), name + "() of fewer than two numbers is not "
                                        "supported yet");
    Type result = args[0];
    for (const Type &t : args)
      result = *unify(result, t);
    return result;
  }
  case BuiltinRule::ToInt:
  case BuiltinRule::Round:
  case BuiltinRule::IntOfNumber:
    return Type::integer();
  case BuiltinRule::ToFloat:
  case BuiltinRule::FloatOfNumber:
  case BuiltinRule::FloatOfTwoNumbers:
    return Type::floating();
  case BuiltinRule::ToBool:
  case BuiltinRule::BoolOfNumber:
    return Type::boolean();
  default:
    return fail(call.getLoc(),
                "internal error: '" + name + "' is not a function of numbers");
  }
}

Type InstanceWalker::callPrint(const Call &call) {
  for (const ExprPtr &arg : call.args) {
    Type t = visit(*arg);
    if (t.isUnknown())
      continue;
    if (!isPrintable(t))
      fail(arg->getLoc(), "printing " + t.str() + " is not supported yet");
  }
  for (const Keyword &kw : call.keywords) {
    if (kw.name != "sep" && kw.name != "end")
      fail(kw.loc,
           "print() got an unexpected keyword argument '" + kw.name + "'");
    else if (!isa<StrLit>(kw.value.get()))
      fail(kw.value->getLoc(),
           "print()'s " + kw.name + " must be a string literal");
  }
  return Type::none();
}

Type InstanceWalker::callCommMethod(const Call &call, const BuiltinInfo &info,
                                    const std::string &name) {
  auto rejectKeywordsExcept = [&](std::initializer_list<llvm::StringRef> ok) {
    for (const Keyword &kw : call.keywords)
      if (llvm::find(ok, kw.name) == ok.end()) {
        fail(kw.loc,
             name + "() got an unexpected keyword argument '" + kw.name + "'");
        return false;
      }
    return true;
  };
  if (info.rule == BuiltinRule::Barrier) {
    if (!checkArgCount(call, 0, 0, name) || !rejectKeywordsExcept({}))
      return Type::unknown();
    return Type::none();
  }
  // The value is `sendobj` in mpi4py, `obj` for bcast.
  llvm::StringRef valueName =
      info.rule == BuiltinRule::Bcast ? "obj" : "sendobj";
  const Expr *valueExpr =
      call.args.empty() ? keyword(call, valueName) : call.args[0].get();
  if (!valueExpr)
    return fail(call.getLoc(), name + "() missing required argument: '" +
                                   valueName.str() + "'");
  size_t maxArgs = info.rule == BuiltinRule::Allgather ? 1 : 2;
  if (!checkArgCount(call, call.args.empty() ? 0 : 1, maxArgs, name))
    return Type::unknown();
  // The second argument: root for gather and bcast, op for allreduce.
  llvm::StringRef secondName =
      info.rule == BuiltinRule::Allreduce ? "op" : "root";
  const Expr *second = nullptr;
  if (info.rule == BuiltinRule::Allgather) {
    if (!rejectKeywordsExcept({valueName}))
      return Type::unknown();
  } else {
    if (!rejectKeywordsExcept({valueName, secondName}))
      return Type::unknown();
    second =
        call.args.size() == 2 ? call.args[1].get() : keyword(call, secondName);
  }
  instance.boundArgs[&call] = {valueExpr, second};
  Type value = visit(*valueExpr);
  if (value.isUnknown())
    return value;
  switch (info.rule) {
  case BuiltinRule::Gather:
  case BuiltinRule::Allgather:
    if (!checkRoot(second, name))
      return Type::unknown();
    if (!value.isNumeric())
      return fail(valueExpr->getLoc(),
                  name + " of " + value.str() + " is not supported yet");
    return Type::list(value);
  case BuiltinRule::Bcast:
    if (!checkRoot(second, name))
      return Type::unknown();
    if (!value.isNumeric())
      return fail(valueExpr->getLoc(),
                  "broadcasting " + value.str() + " is not supported yet");
    return value;
  case BuiltinRule::Allreduce:
    return checkAllreduce(value, valueExpr, second);
  default:
    return fail(call.getLoc(),
                "internal error: '" + name + "' is not a collective");
  }
}

Type InstanceWalker::checkAllreduce(const Type &value, const Expr *valueExpr,
                                    const Expr *op) {
  BuiltinId opId = BuiltinId::OpSum;
  if (op) {
    Type t = visit(*op);
    if (t.isUnknown())
      return t;
    if (!t.is(Type::Kind::ReduceOp))
      return fail(op->getLoc(), "allreduce()'s op must be an MPI "
                                "reduction operator such as MPI.SUM");
    opId = t.getBuiltin();
  }
  if (!value.isNumeric())
    return fail(valueExpr->getLoc(),
                "allreduce of " + value.str() + " is not supported yet");
  std::string opName = getBuiltin(opId).name;
  if (opId == BuiltinId::OpLand || opId == BuiltinId::OpLor)
    return fail(op->getLoc(),
                "allreduce with MPI." + opName + " is not supported yet");
  // mpi4py reduces Python objects: on one rank the sum of True is True,
  // on two it is 2. No static type covers both.
  if (value.is(Type::Kind::Bool) &&
      (opId == BuiltinId::OpSum || opId == BuiltinId::OpProd))
    return fail(valueExpr->getLoc(),
                "allreduce of bools with MPI." + opName +
                    " is not supported (mpi4py gives a bool on one rank "
                    "and an int on several); convert with int() first");
  return value;
}

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

Type InstanceWalker::callArrayConstructor(const Call &call) {
  // np.zeros(shape, dtype): the dtype positional or as a keyword.
  if (!checkArgCount(call, 1, 2, "numpy array constructor"))
    return Type::unknown();
  Type shape = instance.typeOf(call.args[0].get());
  if (!shape.is(Type::Kind::Int))
    return fail(call.args[0]->getLoc(),
                "only 1-d arrays with an int length are supported yet, not " +
                    shape.str());
  const Expr *dtypeExpr = call.args.size() == 2 ? call.args[1].get() : nullptr;
  for (const Keyword &kw : call.keywords) {
    if (kw.name != "dtype" || dtypeExpr)
      return fail(kw.loc,
                  kw.name == "dtype"
                      ? "argument for 'dtype' given twice"
                      : "unexpected keyword argument '" + kw.name + "'");
    dtypeExpr = kw.value.get();
  }
  if (!dtypeExpr)
    return Type::array(Type::floating(), 1);
  Type dtype = visit(*dtypeExpr);
  if (dtype.isUnknown() && !isa<StrLit>(dtypeExpr))
    return dtype;
  std::optional<Type> element = dtypeElement(dtype, *dtypeExpr);
  if (!element)
    return fail(dtypeExpr->getLoc(),
                "data type " + dtypeName(*dtypeExpr) + " not understood");
  if (!element->is(Type::Kind::Float))
    return fail(dtypeExpr->getLoc(),
                "arrays of dtype " + dtypeName(*dtypeExpr) +
                    " are not supported yet (only float64)");
  return Type::array(Type::floating(), 1);
}

Type InstanceWalker::binaryResult(BinOpKind op, const Type &lhs,
                                  const Type &rhs, SourceLoc loc) {
  if (lhs.isUnknown() || rhs.isUnknown())
    return Type::unknown();
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
  default:
    return promoteNumeric(lhs, rhs);
  }
}

Type InstanceWalker::visitBinOp(const BinOp &bin) {
  Type lhs = visit(*bin.lhs);
  Type rhs = visit(*bin.rhs);
  return binaryResult(bin.op, lhs, rhs, bin.getLoc());
}

Type InstanceWalker::visitUnaryOp(const UnaryOp &un) {
  Type operand = visit(*un.operand);
  if (operand.isUnknown())
    return operand;
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
  if (unified && unified->is(Type::Kind::Tuple))
    return fail(ifExp.getLoc(), "conditional expressions of tuples are not "
                                "supported yet");
  if (!unified || !unified->isRuntime())
    return fail(ifExp.getLoc(), "the branches of a conditional expression "
                                "have types " +
                                    body.str() + " and " + orelse.str() +
                                    ", which do not unify");
  return *unified;
}

//===----------------------------------------------------------------------===//
// Program
//===----------------------------------------------------------------------===//

std::string FunctionInstance::signature() const {
  if (isModuleBody())
    return "<module>";
  std::string s = def->name + "(";
  for (size_t i = 0; i < paramTypes.size(); ++i)
    s += (i ? ", " : "") + paramTypes[i].str();
  return s + ") -> " + returnType.str();
}

Type Program::globalType(llvm::StringRef name) const {
  const FunctionInstance &body = moduleBody();
  auto it = body.locals.find(name);
  return it == body.locals.end() ? Type::unknown() : it->second;
}

std::unique_ptr<Program> sema::inferTypes(const ast::Module &module,
                                          DiagnosticEngine &diags) {
  return Inference(module, diags).run();
}
