//===- Inference.cpp - The inference driver
//---------------------------------===//
//
// Inference runs to a fixed point: the module body and every function
// instance found so far are walked again and again, widening types, until
// nothing changes. Errors are held back during that exploration, because a
// type can be unknown only for now; a last walk reports them.
//
//===----------------------------------------------------------------------===//

#include "InferenceWalker.h"

#include "llvm/ADT/STLExtras.h"

using namespace nmc;
using namespace nmc::sema;
using namespace nmc::sema::detail;

/// Names a function body binds: parameters, assignment and loop targets.
/// Python makes them local to the whole function.
static void collectBoundNames(const StmtList &body, llvm::StringSet<> &names);

static void collectTargetNames(const Expr &target, llvm::StringSet<> &names) {
  if (auto *name = dyn_cast<Name>(&target))
    names.insert(name->id);
  else if (auto *tuple = dyn_cast<Tuple>(&target))
    for (const ExprPtr &elt : tuple->elts)
      collectTargetNames(*elt, names);
}

static void collectBoundNames(const StmtList &body, llvm::StringSet<> &names) {
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
    } else if (auto *tryStmt = dyn_cast<Try>(stmt.get())) {
      collectBoundNames(tryStmt->body, names);
      for (const ExceptHandler &handler : tryStmt->handlers)
        collectBoundNames(handler.body, names);
      collectBoundNames(tryStmt->orelse, names);
      collectBoundNames(tryStmt->finalbody, names);
    }
  }
}

/// Whether a loop body can leave the loop with `break` (not counting
/// breaks of nested loops).
static bool canBreak(const StmtList &body) {
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
static bool alwaysReturns(const StmtList &body) {
  if (body.empty())
    return false;
  const Stmt *last = body.back().get();
  if (isa<Return>(last) || isa<Raise>(last))
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
    walkAllInstances();
    if (!changed)
      break;
  }
  checking = true;
  unsigned errorsBefore = diags.getNumErrors();
  walkAllInstances();
  if (diags.getNumErrors() == errorsBefore)
    for (const auto &[loc, message] : lastResortErrors)
      diags.error(loc, message);
  if (diags.getNumErrors() != errorsBefore)
    return nullptr;
  return std::move(program);
}

void Inference::walkAllInstances() {
  walked.clear();
  for (size_t i = 0; i < program->instances.size(); ++i)
    walkInstance(*program->instances[i]);
}

void Inference::walkCallee(FunctionInstance &callee) {
  // A callee is typed before its caller goes on, so that a chain of calls
  // whose argument types each depend on the previous result needs one round,
  // not one per call. A recursive call finds its callee being walked and
  // uses its return type so far.
  if (!walked.contains(&callee))
    walkInstance(callee);
}

void Inference::walkInstance(FunctionInstance &instance) {
  if (!walked.insert(&instance).second)
    return;
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
      if (checking &&
          diags.error(def.getLoc(),
                      "function '" + def.name + "' returns " +
                          instance.returnType.str() +
                          " but can also reach its end and return None"))
        diags.note(instance.returnTypeGivenAt,
                   "it returns " + instance.returnType.str() + " here");
    } else if (*ret != instance.returnType) {
      instance.returnType = *ret;
      changed = true;
    }
  }
}

FunctionInstance *Inference::getInstance(const FunctionDef &def,
                                         const std::vector<Type> &argTypes) {
  std::vector<FunctionInstance *> &ofDef = instancesOf[&def];
  for (FunctionInstance *instance : ofDef)
    if (instance->paramTypes == argTypes)
      return instance;
  auto instance = std::make_unique<FunctionInstance>();
  ofDef.push_back(instance.get());
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
