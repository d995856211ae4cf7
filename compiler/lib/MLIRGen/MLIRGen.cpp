//===- MLIRGen.cpp - Typed AST to MLIR ------------------------------------===//
//
// Control flow is emitted with `cf` branches, not `scf`, because Python's
// break, continue and early return leave loops anywhere. Every block where
// paths join (loop headers, loop exits, the end of an if) takes all of the
// instance's variables as block arguments, in one fixed order; region
// simplification later drops the arguments that never change.
//
//===----------------------------------------------------------------------===//

#include "nmc/MLIRGen/MLIRGen.h"

#include "nm/IR/NMOps.h"
#include "nmc/Sema/Builtins.h"
#include "nmc/Support/RuntimeFunctions.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"

#include "llvm/ADT/StringMap.h"

#include <cmath>

using namespace nmc;
using namespace nmc::ast;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;
using sema::FunctionInstance;
using sema::Type;

namespace {

/// The SSA values of one Python value: one for most types, one per element
/// for a tuple, none for None.
using Values = llvm::SmallVector<mlir::Value, 1>;

/// Branch targets of the innermost loop.
struct LoopTargets {
  mlir::Block *continueBlock;
  mlir::Block *breakBlock;
};

class MLIRGenerator {
public:
  MLIRGenerator(mlir::MLIRContext &context, const sema::Program &program,
                DiagnosticEngine &diags, const MLIRGenOptions &options)
      : context(context), builder(&context), program(program), diags(diags),
        options(options) {}

  mlir::OwningOpRef<mlir::ModuleOp> run();

private:
  // Types and locations.
  mlir::Location loc(SourceLoc l) {
    return mlir::FileLineColLoc::get(&context, diags.getFilename(), l.line,
                                     l.col);
  }
  /// The MLIR type holding a value of `t`; null for types held in several
  /// values (tuples) or none (None, compile-time values).
  mlir::Type storageType(const Type &t);
  /// The MLIR types holding a value of `t`: one for scalars, strings, lists
  /// and arrays, one per element for tuples (flattened), none for None.
  llvm::SmallVector<mlir::Type> storageTypes(const Type &t);
  mlir::MemRefType arrayType(const Type &t);

  // Functions and variables.
  void declareGlobals();
  void generateInstance(const FunctionInstance &instance);
  std::string globalSymbol(llvm::StringRef name) {
    return ("__nmc_global_" + name).str();
  }
  Values readVariable(const std::string &name, SourceLoc l);
  void writeVariable(const std::string &name, Values values, SourceLoc l);

  // Control flow.
  /// A block whose arguments are the instance's variables.
  mlir::Block *createJoinBlock();
  llvm::SmallVector<mlir::Value> variableValues();
  /// Continues in `block`, reading the variables from its arguments.
  void enterJoinBlock(mlir::Block *block);
  void branchTo(mlir::Location l, mlir::Block *block);
  /// After a terminator: later statements go into a fresh unreachable block.
  void startUnreachableBlock();
  mlir::Block *createBlock() {
    mlir::Block *block = new mlir::Block();
    region->push_back(block);
    return block;
  }
  /// Calls nmrt_raise(excName, message, line) when `condition` holds.
  void raiseIf(mlir::Value condition, llvm::StringRef excName,
               llvm::StringRef message, SourceLoc l);
  /// Calls the raising runtime function `callee` when `condition` holds.
  void callRuntimeErrorIf(mlir::Value condition, llvm::StringRef callee,
                          mlir::ValueRange args, mlir::Location l);

  // Statements.
  void genBody(const StmtList &body);
  void genStmt(const Stmt &stmt);
  void genAssign(const Assign &assign);
  void genAssignTarget(const Expr &target, const Values &values,
                       const Type &valueType, SourceLoc l);
  void genAugAssign(const AugAssign &aug);
  void genIf(const If &ifStmt);
  void genWhile(const While &whileStmt);
  void genFor(const For &forStmt);
  void genReturn(const Return &ret);
  void genAssert(const Assert &assertStmt);
  /// A loop running `tripCount` (unsigned) times, calling
  /// `genElement(k)` for k = 0, 1, ... at the top of each iteration.
  void genCountedLoop(const For &forStmt, mlir::Value tripCount,
                      llvm::function_ref<void(mlir::Value)> genElement);
  /// What every loop shares once its header has computed `more`: the body
  /// (starting with `atBodyStart`, ending at `continueBlock`, which
  /// `continue` also reaches), the else clause, and the exit.
  void genLoopBranches(mlir::Value more, mlir::Block *continueBlock,
                       mlir::Block *exit, const StmtList &body,
                       const StmtList &orelse,
                       llvm::function_ref<void()> atBodyStart,
                       mlir::Location l);
  /// The number of elements of range(start, stop, step).
  mlir::Value rangeLength(mlir::Value start, mlir::Value stop, mlir::Value step,
                          bool stepIsPositiveConstant, mlir::Location l);

  // Expressions.
  Type typeOf(const Expr &e) const { return instance->typeOf(&e); }
  mlir::Value gen(const Expr &expr);
  /// gen() converted to `to`.
  mlir::Value genAs(const Expr &expr, const Type &to);
  /// Every value of an expression: several for a tuple, none for None.
  Values genValues(const Expr &expr);
  Values genValuesAs(const Expr &expr, const Type &to);
  /// The values of element `index` of a tuple held in `values`.
  Values tupleElement(const Values &values, const Type &tuple, size_t index);
  Values callFunction(const Call &call);
  void printValues(mlir::Location l, const Values &values, const Type &t,
                   SourceLoc at);
  mlir::Value genName(const Name &name);
  mlir::Value genAttribute(const Attribute &attr);
  mlir::Value genSubscript(const Subscript &sub);
  mlir::Value genCall(const Call &call);
  mlir::Value genBuiltinCall(const Call &call, const std::string &name);
  mlir::Value genMathCall(const Call &call, const std::string &name);
  mlir::Value genCommCall(const Call &call, const std::string &name);
  mlir::Value genArrayConstructor(const Call &call, const std::string &name);
  void genPrint(const Call &call);
  mlir::Value genBinary(BinOpKind op, mlir::Value lhs, const Type &lhsType,
                        mlir::Value rhs, const Type &rhsType,
                        const Type &resultType, SourceLoc l);
  mlir::Value genIntBinary(BinOpKind op, mlir::Value lhs, mlir::Value rhs,
                           SourceLoc l);
  mlir::Value genFloatBinary(BinOpKind op, mlir::Value lhs, mlir::Value rhs,
                             SourceLoc l);
  mlir::Value isMinusOne(mlir::Value b, mlir::Location l);
  /// `b`, or 1 where `minusOne` holds.
  mlir::Value safeDivisor(mlir::Value b, mlir::Value minusOne,
                          mlir::Location l);
  mlir::Value genUnary(const UnaryOp &un);
  mlir::Value genCompareOp(CmpOpKind op, mlir::Value lhs, const Type &lhsType,
                           mlir::Value rhs, const Type &rhsType, SourceLoc l);
  mlir::Value genCompare(const Compare &cmp);
  mlir::Value genBoolOp(const BoolOp &boolOp);
  mlir::Value genIfExp(const IfExp &ifExp);
  /// Evaluates `cond`; if `shortCircuitWhen` equals it the result is
  /// `early`, otherwise genRest(). Used by and/or and chained comparisons.
  mlir::Value genShortCircuit(mlir::Value cond, bool shortCircuitWhen,
                              mlir::Value early,
                              llvm::function_ref<mlir::Value()> genRest,
                              SourceLoc l);
  mlir::Value genArrayIndex(const Subscript &sub, mlir::Value &array);
  mlir::Value arrayIndex(mlir::Value array, mlir::Value index, SourceLoc l);

  // Values.
  mlir::Value convert(mlir::Value v, const Type &from, const Type &to,
                      SourceLoc l);
  Values convertValues(const Values &values, const Type &from, const Type &to,
                       SourceLoc l);
  mlir::Value truthy(mlir::Value v, const Type &t, SourceLoc l);
  /// int(x) of a float, raising Python's errors for NaN, inf and overflow.
  mlir::Value floatToInt(mlir::Value v, SourceLoc l);
  mlir::Value constInt(int64_t v, mlir::Location l) {
    return mlir::arith::ConstantIntOp::create(builder, l, builder.getI64Type(),
                                              v);
  }
  mlir::Value constBool(bool v, mlir::Location l) {
    return mlir::arith::ConstantIntOp::create(builder, l, builder.getI1Type(),
                                              v);
  }
  mlir::Value constFloat(double v, mlir::Location l) {
    return mlir::arith::ConstantFloatOp::create(
        builder, l, builder.getF64Type(), llvm::APFloat(v));
  }
  mlir::Value toIndex(mlir::Value v, mlir::Location l) {
    return mlir::arith::IndexCastOp::create(builder, l, builder.getIndexType(),
                                            v);
  }
  mlir::Value fromIndex(mlir::Value v, mlir::Location l) {
    return mlir::arith::IndexCastOp::create(builder, l, builder.getI64Type(),
                                            v);
  }
  mlir::Value stringConstant(llvm::StringRef text, mlir::Location l);
  mlir::Value commWorld(mlir::Location l) {
    return mlir::nm::CommWorldOp::create(builder, l,
                                         mlir::nm::CommType::get(&context));
  }
  mlir::arith::FastMathFlagsAttr fastmath() {
    return mlir::arith::FastMathFlagsAttr::get(
        &context, instance->fastmath ? mlir::arith::FastMathFlags::fast
                                     : mlir::arith::FastMathFlags::none);
  }
  /// Reports an error and gives a placeholder value so generation goes on.
  mlir::Value error(SourceLoc l, const std::string &message,
                    mlir::Type type = {});

  mlir::MLIRContext &context;
  mlir::OpBuilder builder;
  const sema::Program &program;
  DiagnosticEngine &diags;
  const MLIRGenOptions &options;
  mlir::ModuleOp module;
  llvm::StringMap<std::string> stringSymbols;

  // State of the instance being generated.
  const FunctionInstance *instance = nullptr;
  mlir::Region *region = nullptr;
  std::vector<std::string> variables;
  llvm::StringMap<Values> env;
  std::vector<LoopTargets> loops;
  bool hadError = false;
};

} // namespace

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

mlir::MemRefType MLIRGenerator::arrayType(const Type &t) {
  // A fully dynamic strided layout, so that views (slices, transposes) can
  // share the type of fresh arrays.
  int64_t rank = t.getRank();
  llvm::SmallVector<int64_t> shape(rank, mlir::ShapedType::kDynamic);
  llvm::SmallVector<int64_t> strides(rank, mlir::ShapedType::kDynamic);
  auto layout = mlir::StridedLayoutAttr::get(
      &context, mlir::ShapedType::kDynamic, strides);
  return mlir::MemRefType::get(shape, storageType(t.getElement()), layout);
}

mlir::Type MLIRGenerator::storageType(const Type &t) {
  switch (t.getKind()) {
  case Type::Kind::Bool:
    return builder.getI1Type();
  case Type::Kind::Int:
    return builder.getI64Type();
  case Type::Kind::Float:
    return builder.getF64Type();
  case Type::Kind::Str:
    return mlir::LLVM::LLVMPointerType::get(&context);
  case Type::Kind::List:
    return mlir::nm::ListType::get(&context, storageType(t.getElement()));
  case Type::Kind::Array:
    return arrayType(t);
  default:
    return {};
  }
}

llvm::SmallVector<mlir::Type> MLIRGenerator::storageTypes(const Type &t) {
  llvm::SmallVector<mlir::Type> types;
  if (t.is(Type::Kind::Tuple)) {
    for (const Type &element : t.getElements())
      types.append(storageTypes(element));
  } else if (mlir::Type type = storageType(t)) {
    types.push_back(type);
  }
  return types;
}

mlir::Value MLIRGenerator::error(SourceLoc l, const std::string &message,
                                 mlir::Type type) {
  diags.error(l, message);
  hadError = true;
  // Generation goes on to report more errors; a placeholder of some type
  // keeps the builders from seeing null values.
  return mlir::ub::PoisonOp::create(builder, loc(l),
                                    type ? type : builder.getI64Type());
}

//===----------------------------------------------------------------------===//
// Module, functions and variables
//===----------------------------------------------------------------------===//

mlir::OwningOpRef<mlir::ModuleOp> MLIRGenerator::run() {
  module = mlir::ModuleOp::create(
      mlir::FileLineColLoc::get(&context, diags.getFilename(), 1, 1));
  builder.setInsertionPointToEnd(module.getBody());
  declareGlobals();
  for (const auto &inst : program.instances)
    generateInstance(*inst);
  if (hadError)
    return nullptr;
  if (mlir::failed(mlir::verify(module))) {
    diags.error({1, 1}, "internal error: generated MLIR does not verify");
    return nullptr;
  }
  return module;
}

void MLIRGenerator::declareGlobals() {
  for (const auto &entry : program.globalsReadByFunctions) {
    llvm::StringRef name = entry.getKey();
    Type t = program.globalType(name);
    mlir::Type type = storageType(t);
    if (!type || t.is(Type::Kind::Array)) {
      error({1, 1}, "module-level " + t.str() + " variable '" + name.str() +
                        "' read inside a function is not supported yet");
      continue;
    }
    auto memrefType = mlir::MemRefType::get({}, type);
    mlir::memref::GlobalOp::create(builder, module.getLoc(), globalSymbol(name),
                                   builder.getStringAttr("private"), memrefType,
                                   mlir::Attribute(),
                                   /*constant=*/false, /*alignment=*/nullptr);
  }
}

mlir::Value MLIRGenerator::stringConstant(llvm::StringRef text,
                                          mlir::Location l) {
  std::string &symbol = stringSymbols[text];
  if (symbol.empty())
    symbol = "__nmc_str_" + std::to_string(stringSymbols.size() - 1);
  if (!module.lookupSymbol(symbol)) {
    mlir::OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToStart(module.getBody());
    std::string withNul = text.str();
    withNul.push_back('\0');
    auto type =
        mlir::LLVM::LLVMArrayType::get(builder.getI8Type(), withNul.size());
    mlir::LLVM::GlobalOp::create(builder, l, type, /*isConstant=*/true,
                                 mlir::LLVM::Linkage::Internal, symbol,
                                 builder.getStringAttr(withNul));
  }
  return mlir::LLVM::AddressOfOp::create(
      builder, l, mlir::LLVM::LLVMPointerType::get(&context), symbol);
}

void MLIRGenerator::generateInstance(const FunctionInstance &inst) {
  instance = &inst;
  env.clear();
  loops.clear();
  variables.clear();
  for (const std::string &name : inst.localNames)
    if (!storageTypes(inst.locals.lookup(name)).empty())
      variables.push_back(name);

  llvm::SmallVector<mlir::Type> params;
  for (const Type &t : inst.paramTypes)
    params.append(storageTypes(t));
  llvm::SmallVector<mlir::Type> results = storageTypes(inst.returnType);
  SourceLoc defLoc = inst.def ? inst.def->getLoc() : SourceLoc{1, 1};
  builder.setInsertionPointToEnd(module.getBody());
  auto func =
      mlir::func::FuncOp::create(builder, loc(defLoc), inst.symbol,
                                 builder.getFunctionType(params, results));
  if (!inst.isModuleBody()) {
    // Internal to the program: free to inline and drop, invisible to libc.
    func.setPrivate();
    func->setAttr("llvm.linkage", mlir::LLVM::LinkageAttr::get(
                                      &context, mlir::LLVM::Linkage::Internal));
  }
  region = &func.getBody();
  mlir::Block *entry = func.addEntryBlock();
  builder.setInsertionPointToStart(entry);

  // Every variable has a value from the start; one read before Python would
  // have bound it reads poison.
  for (const std::string &name : variables)
    for (mlir::Type type : storageTypes(inst.locals.lookup(name)))
      env[name].push_back(
          mlir::ub::PoisonOp::create(builder, loc(defLoc), type));
  size_t nextArgument = 0;
  for (size_t i = 0; i < inst.paramTypes.size(); ++i) {
    Values &values = env[inst.def->params[i].name];
    values.clear();
    for (size_t n = storageTypes(inst.paramTypes[i]).size(); n; --n)
      values.push_back(entry->getArgument(nextArgument++));
  }

  if (inst.isModuleBody()) {
    mlir::Location l = loc(defLoc);
    nmc::callRuntime(builder, l, "nmrt_set_source_name", {},
                {stringConstant(diags.getFilename(), l)});
    genBody(program.module->body);
  } else {
    genBody(inst.def->body);
  }
  // Falling off the end returns None.
  mlir::Block *last = builder.getInsertionBlock();
  if (last->empty() || !last->back().hasTrait<mlir::OpTrait::IsTerminator>()) {
    mlir::Location l = loc(defLoc);
    Values poison;
    for (mlir::Type type : results)
      poison.push_back(mlir::ub::PoisonOp::create(builder, l, type));
    mlir::func::ReturnOp::create(builder, l, poison);
  }
}

Values MLIRGenerator::readVariable(const std::string &name, SourceLoc l) {
  auto it = env.find(name);
  if (it != env.end())
    return it->second;
  // None, and tuples of None and (), are held in no values at all.
  bool local = instance->locals.count(name);
  Type t = local ? instance->locals.lookup(name) : program.globalType(name);
  if (storageTypes(t).empty())
    return {};
  // A module-level variable read inside a function.
  mlir::Type type = storageType(t);
  if (!type || !program.globalsReadByFunctions.contains(name))
    return {error(l, "internal error: no storage for '" + name + "'", type)};
  mlir::Location location = loc(l);
  auto global = mlir::memref::GetGlobalOp::create(
      builder, location, mlir::MemRefType::get({}, type), globalSymbol(name));
  return {mlir::memref::LoadOp::create(builder, location, global,
                                       mlir::ValueRange{})};
}

void MLIRGenerator::writeVariable(const std::string &name, Values values,
                                  SourceLoc l) {
  if (instance->isModuleBody() &&
      program.globalsReadByFunctions.contains(name)) {
    mlir::Location location = loc(l);
    auto global = mlir::memref::GetGlobalOp::create(
        builder, location, mlir::MemRefType::get({}, values[0].getType()),
        globalSymbol(name));
    mlir::memref::StoreOp::create(builder, location, values[0], global,
                                  mlir::ValueRange{});
  }
  env[name] = std::move(values);
}

//===----------------------------------------------------------------------===//
// Control flow
//===----------------------------------------------------------------------===//

mlir::Block *MLIRGenerator::createJoinBlock() {
  mlir::Block *block = createBlock();
  for (const std::string &name : variables)
    for (mlir::Value v : env[name])
      block->addArgument(v.getType(), v.getLoc());
  return block;
}

llvm::SmallVector<mlir::Value> MLIRGenerator::variableValues() {
  llvm::SmallVector<mlir::Value> values;
  for (const std::string &name : variables)
    values.append(env[name].begin(), env[name].end());
  return values;
}

void MLIRGenerator::enterJoinBlock(mlir::Block *block) {
  builder.setInsertionPointToEnd(block);
  unsigned next = 0;
  for (const std::string &name : variables)
    for (mlir::Value &v : env[name])
      v = block->getArgument(next++);
}

void MLIRGenerator::branchTo(mlir::Location l, mlir::Block *block) {
  mlir::cf::BranchOp::create(builder, l, block, variableValues());
}

void MLIRGenerator::startUnreachableBlock() {
  builder.setInsertionPointToEnd(createBlock());
}

void MLIRGenerator::raiseIf(mlir::Value condition, llvm::StringRef excName,
                            llvm::StringRef message, SourceLoc l) {
  mlir::Location location = loc(l);
  callRuntimeErrorIf(condition, "nmrt_raise",
                     {stringConstant(excName, location),
                      stringConstant(message, location),
                      constInt(l.line, location)},
                     location);
}

void MLIRGenerator::callRuntimeErrorIf(mlir::Value condition,
                                       llvm::StringRef callee,
                                       mlir::ValueRange args,
                                       mlir::Location l) {
  mlir::Block *raiseBlock = createBlock();
  mlir::Block *continueBlock = createBlock();
  mlir::cf::CondBranchOp::create(builder, l, condition, raiseBlock,
                                 continueBlock);
  builder.setInsertionPointToEnd(raiseBlock);
  nmc::callRuntime(builder, l, callee, {}, args, /*noReturn=*/true);
  mlir::cf::BranchOp::create(builder, l, continueBlock);
  builder.setInsertionPointToEnd(continueBlock);
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

void MLIRGenerator::genBody(const StmtList &body) {
  for (const StmtPtr &stmt : body)
    genStmt(*stmt);
}

void MLIRGenerator::genStmt(const Stmt &stmt) {
  mlir::Location l = loc(stmt.getLoc());
  switch (stmt.getKind()) {
  case Stmt::Kind::Expr:
    gen(*cast<ExprStmt>(stmt).value);
    return;
  case Stmt::Kind::Assign:
    return genAssign(cast<Assign>(stmt));
  case Stmt::Kind::AugAssign:
    return genAugAssign(cast<AugAssign>(stmt));
  case Stmt::Kind::If:
    return genIf(cast<If>(stmt));
  case Stmt::Kind::While:
    return genWhile(cast<While>(stmt));
  case Stmt::Kind::For:
    return genFor(cast<For>(stmt));
  case Stmt::Kind::Break:
    branchTo(l, loops.back().breakBlock);
    return startUnreachableBlock();
  case Stmt::Kind::Continue:
    branchTo(l, loops.back().continueBlock);
    return startUnreachableBlock();
  case Stmt::Kind::Return:
    return genReturn(cast<Return>(stmt));
  case Stmt::Kind::Assert:
    return genAssert(cast<Assert>(stmt));
  case Stmt::Kind::Pass:
  case Stmt::Kind::Import:
  case Stmt::Kind::FunctionDef:
    // Imports and definitions bind compile-time values only.
    return;
  }
}

void MLIRGenerator::genAssign(const Assign &assign) {
  // Python evaluates the value once, then assigns targets left to right;
  // `u, v = v, u` reads every element before it writes any target.
  Values values = genValues(*assign.value);
  for (const ExprPtr &target : assign.targets)
    genAssignTarget(*target, values, typeOf(*assign.value), assign.getLoc());
}

void MLIRGenerator::genAssignTarget(const Expr &target, const Values &values,
                                    const Type &valueType, SourceLoc l) {
  if (auto *name = dyn_cast<Name>(&target)) {
    Type varType = instance->locals.lookup(name->id);
    if (storageTypes(varType).empty())
      return; // a compile-time value or None: nothing to store
    writeVariable(name->id, convertValues(values, valueType, varType, l), l);
    return;
  }
  if (auto *tuple = dyn_cast<Tuple>(&target)) {
    for (size_t i = 0; i < tuple->elts.size(); ++i)
      genAssignTarget(*tuple->elts[i], tupleElement(values, valueType, i),
                      valueType.getElements()[i], l);
    return;
  }
  if (auto *sub = dyn_cast<Subscript>(&target)) {
    mlir::Value array;
    mlir::Value index = genArrayIndex(*sub, array);
    Type element = typeOf(*sub->value).getElement();
    mlir::memref::StoreOp::create(builder, loc(l),
                                  convert(values[0], valueType, element, l),
                                  array, index);
    return;
  }
  error(target.getLoc(), "assignment to this target is not supported yet");
}

void MLIRGenerator::genAugAssign(const AugAssign &aug) {
  Type valueType = typeOf(*aug.value);
  if (auto *name = dyn_cast<Name>(aug.target.get())) {
    Type varType = instance->locals.lookup(name->id);
    Type current = typeOf(*aug.target);
    mlir::Value lhs = readVariable(name->id, aug.getLoc())[0];
    mlir::Value rhs = gen(*aug.value);
    Type result = instance->augmentedResults.lookup(&aug);
    mlir::Value v =
        genBinary(aug.op, lhs, current, rhs, valueType, result, aug.getLoc());
    writeVariable(name->id, {convert(v, result, varType, aug.getLoc())},
                  aug.getLoc());
    return;
  }
  auto *sub = cast<Subscript>(aug.target.get());
  // The container and index are evaluated once, as Python does.
  mlir::Value array;
  mlir::Value index = genArrayIndex(*sub, array);
  Type element = typeOf(*sub->value).getElement();
  mlir::Location l = loc(aug.getLoc());
  mlir::Value current = mlir::memref::LoadOp::create(builder, l, array, index);
  mlir::Value rhs = gen(*aug.value);
  Type result = instance->augmentedResults.lookup(&aug);
  mlir::Value v =
      genBinary(aug.op, current, element, rhs, valueType, result, aug.getLoc());
  mlir::memref::StoreOp::create(
      builder, l, convert(v, result, element, aug.getLoc()), array, index);
}

void MLIRGenerator::genIf(const If &ifStmt) {
  auto constant = instance->constantConditions.find(ifStmt.test.get());
  if (constant != instance->constantConditions.end())
    return genBody(constant->second ? ifStmt.body : ifStmt.orelse);

  mlir::Location l = loc(ifStmt.getLoc());
  mlir::Value cond =
      truthy(gen(*ifStmt.test), typeOf(*ifStmt.test), ifStmt.getLoc());
  mlir::Block *thenBlock = createBlock();
  mlir::Block *elseBlock = createBlock();
  mlir::Block *merge = createJoinBlock();
  mlir::cf::CondBranchOp::create(builder, l, cond, thenBlock, elseBlock);
  llvm::StringMap<Values> before = env;

  builder.setInsertionPointToEnd(thenBlock);
  genBody(ifStmt.body);
  branchTo(l, merge);

  env = before;
  builder.setInsertionPointToEnd(elseBlock);
  genBody(ifStmt.orelse);
  branchTo(l, merge);

  enterJoinBlock(merge);
}

void MLIRGenerator::genWhile(const While &whileStmt) {
  mlir::Location l = loc(whileStmt.getLoc());
  mlir::Block *header = createJoinBlock();
  mlir::Block *exit = createJoinBlock();
  branchTo(l, header);

  enterJoinBlock(header);
  mlir::Value cond =
      truthy(gen(*whileStmt.test), typeOf(*whileStmt.test), whileStmt.getLoc());
  genLoopBranches(cond, header, exit, whileStmt.body, whileStmt.orelse, {}, l);
}

void MLIRGenerator::genCountedLoop(
    const For &forStmt, mlir::Value tripCount,
    llvm::function_ref<void(mlir::Value)> genElement) {
  mlir::Location l = loc(forStmt.getLoc());
  mlir::Block *header = createJoinBlock();
  mlir::Value counter = header->addArgument(builder.getI64Type(), l);
  mlir::Block *latch = createJoinBlock();
  mlir::Block *exit = createJoinBlock();
  llvm::SmallVector<mlir::Value> entryValues = variableValues();
  entryValues.push_back(constInt(0, l));
  mlir::cf::BranchOp::create(builder, l, header, entryValues);

  // The latch, where the body ends and `continue` goes: count, then back to
  // the header.
  {
    mlir::OpBuilder::InsertionGuard guard(builder);
    llvm::StringMap<Values> saved = env;
    enterJoinBlock(latch);
    llvm::SmallVector<mlir::Value> nextValues = variableValues();
    nextValues.push_back(
        mlir::arith::AddIOp::create(builder, l, counter, constInt(1, l)));
    mlir::cf::BranchOp::create(builder, l, header, nextValues);
    env = std::move(saved);
  }

  enterJoinBlock(header);
  // The trip count is unsigned: a range may have up to 2^64 - 1 elements.
  mlir::Value more = mlir::arith::CmpIOp::create(
      builder, l, mlir::arith::CmpIPredicate::ult, counter, tripCount);
  genLoopBranches(more, latch, exit, forStmt.body, forStmt.orelse,
                  [&] { genElement(counter); }, l);
}

void MLIRGenerator::genLoopBranches(mlir::Value more,
                                    mlir::Block *continueBlock,
                                    mlir::Block *exit, const StmtList &body,
                                    const StmtList &orelse,
                                    llvm::function_ref<void()> atBodyStart,
                                    mlir::Location l) {
  mlir::Block *bodyBlock = createBlock();
  mlir::Block *orelseBlock = createBlock();
  mlir::cf::CondBranchOp::create(builder, l, more, bodyBlock, orelseBlock);
  llvm::StringMap<Values> atHeader = env;

  builder.setInsertionPointToEnd(bodyBlock);
  if (atBodyStart)
    atBodyStart();
  loops.push_back({continueBlock, exit});
  genBody(body);
  loops.pop_back();
  branchTo(l, continueBlock);

  // The else clause runs when the loop ends without break.
  env = atHeader;
  builder.setInsertionPointToEnd(orelseBlock);
  genBody(orelse);
  branchTo(l, exit);

  enterJoinBlock(exit);
}

mlir::Value MLIRGenerator::rangeLength(mlir::Value start, mlir::Value stop,
                                       mlir::Value step,
                                       bool stepIsPositiveConstant,
                                       mlir::Location l) {
  // CPython's compute_range_length, in unsigned arithmetic so that no
  // range near the int64 limits overflows.
  using Pred = mlir::arith::CmpIPredicate;
  auto select = [&](mlir::Value c, mlir::Value a, mlir::Value b) {
    return mlir::arith::SelectOp::create(builder, l, c, a, b).getResult();
  };
  mlir::Value lo = start, hi = stop, stride = step;
  if (!stepIsPositiveConstant) {
    mlir::Value up = mlir::arith::CmpIOp::create(builder, l, Pred::sgt, step,
                                                 constInt(0, l));
    lo = select(up, start, stop);
    hi = select(up, stop, start);
    stride =
        select(up, step,
               mlir::arith::SubIOp::create(builder, l, constInt(0, l), step));
  }
  mlir::Value empty =
      mlir::arith::CmpIOp::create(builder, l, Pred::sge, lo, hi);
  mlir::Value span = mlir::arith::SubIOp::create(
      builder, l, mlir::arith::SubIOp::create(builder, l, hi, lo),
      constInt(1, l));
  mlir::Value length = mlir::arith::AddIOp::create(
      builder, l, mlir::arith::DivUIOp::create(builder, l, span, stride),
      constInt(1, l));
  return select(empty, constInt(0, l), length);
}

void MLIRGenerator::genFor(const For &forStmt) {
  mlir::Location l = loc(forStmt.getLoc());
  auto &target = cast<Name>(*forStmt.target);
  Type targetType = instance->locals.lookup(target.id);
  auto bindTarget = [&](mlir::Value element, const Type &elementType) {
    writeVariable(target.id,
                  {convert(element, elementType, targetType, forStmt.getLoc())},
                  forStmt.getLoc());
  };

  if (auto *call = dyn_cast<Call>(forStmt.iter.get());
      call && typeOf(*call->func).is(Type::Kind::Builtin)) {
    // range(stop), range(start, stop) or range(start, stop, step), or
    // numba.prange: type inference accepts no other builtin here.
    llvm::SmallVector<mlir::Value> args;
    for (const ExprPtr &arg : call->args)
      args.push_back(genAs(*arg, Type::integer()));
    mlir::Value start = args.size() == 1 ? constInt(0, l) : args[0];
    mlir::Value stop = args.size() == 1 ? args[0] : args[1];
    mlir::Value step = args.size() == 3 ? args[2] : constInt(1, l);
    bool positiveConstant = args.size() < 3;
    if (args.size() == 3) {
      if (auto *lit = dyn_cast<IntLit>(call->args[2].get())) {
        positiveConstant = lit->value > 0;
        if (lit->value == 0)
          raiseIf(constBool(true, l), "ValueError",
                  "range() arg 3 must not be zero", call->getLoc());
      } else {
        raiseIf(mlir::arith::CmpIOp::create(builder, l,
                                            mlir::arith::CmpIPredicate::eq,
                                            step, constInt(0, l)),
                "ValueError", "range() arg 3 must not be zero", call->getLoc());
      }
    }
    mlir::Value length = rangeLength(start, stop, step, positiveConstant, l);
    genCountedLoop(forStmt, length, [&](mlir::Value k) {
      // start + k * step, which wraps only where Python's value would not fit.
      mlir::Value i = mlir::arith::AddIOp::create(
          builder, l, start, mlir::arith::MulIOp::create(builder, l, k, step));
      bindTarget(i, Type::integer());
    });
    return;
  }
  Type iterType = typeOf(*forStmt.iter);
  mlir::Value iterable = gen(*forStmt.iter);
  if (iterType.is(Type::Kind::List)) {
    auto length = mlir::nm::ListLenOp::create(builder, l, builder.getI64Type(),
                                              iterable, builder.getUnitAttr());
    genCountedLoop(forStmt, length, [&](mlir::Value i) {
      bindTarget(mlir::nm::ListGetOp::create(builder, l,
                                             storageType(iterType.getElement()),
                                             iterable, i),
                 iterType.getElement());
    });
    return;
  }
  // A 1-d array.
  mlir::Value length =
      fromIndex(mlir::memref::DimOp::create(builder, l, iterable, 0), l);
  genCountedLoop(forStmt, length, [&](mlir::Value i) {
    bindTarget(mlir::memref::LoadOp::create(builder, l, iterable,
                                            mlir::ValueRange{toIndex(i, l)}),
               iterType.getElement());
  });
}

void MLIRGenerator::genReturn(const Return &ret) {
  mlir::Location l = loc(ret.getLoc());
  Values values;
  if (ret.value)
    values = genValuesAs(*ret.value, instance->returnType);
  mlir::func::ReturnOp::create(builder, l, values);
  startUnreachableBlock();
}

void MLIRGenerator::genAssert(const Assert &assertStmt) {
  mlir::Location l = loc(assertStmt.getLoc());
  mlir::Value ok = truthy(gen(*assertStmt.test), typeOf(*assertStmt.test),
                          assertStmt.getLoc());
  mlir::Value failedCond =
      mlir::arith::XOrIOp::create(builder, l, ok, constBool(true, l));
  std::string message;
  if (assertStmt.msg)
    message = cast<StrLit>(*assertStmt.msg).value;
  raiseIf(failedCond, "AssertionError", message, assertStmt.getLoc());
}

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
    return readVariable(name->id, name->getLoc());
  if (auto *call = dyn_cast<Call>(&expr))
    return callFunction(*call);
  if (auto *attr = dyn_cast<Attribute>(&expr); attr && attr->attr == "shape") {
    mlir::Location l = loc(attr->getLoc());
    mlir::Value array = gen(*attr->value);
    Values dims;
    for (size_t d = 0; d < t.getElements().size(); ++d)
      dims.push_back(
          fromIndex(mlir::memref::DimOp::create(builder, l, array, d), l));
    return dims;
  }
  if (auto *sub = dyn_cast<Subscript>(&expr)) {
    Type container = typeOf(*sub->value);
    return tupleElement(genValues(*sub->value), container,
                        instance->tupleIndices.lookup(sub));
  }
  error(expr.getLoc(), "tuple values of this form are not supported yet");
  return {};
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

mlir::Value MLIRGenerator::gen(const Expr &expr) {
  mlir::Location l = loc(expr.getLoc());
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
                   mlir::LLVM::LLVMPointerType::get(&context));
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
  case Expr::Kind::List: {
    Type listType = typeOf(expr);
    llvm::SmallVector<mlir::Value> elements;
    for (const ExprPtr &elt : cast<List>(expr).elts)
      elements.push_back(genAs(*elt, listType.getElement()));
    return mlir::nm::ListFromElementsOp::create(
        builder, l, storageType(listType), elements);
  }
  case Expr::Kind::Slice:
  case Expr::Kind::Tuple:
    return error(expr.getLoc(), "this expression is not supported yet here");
  }
  return {};
}

mlir::Value MLIRGenerator::genName(const Name &name) {
  Type t = typeOf(name);
  if (!storageType(t))
    return {}; // compile-time value, used through its type
  // `__name__` is "__main__" unless the program binds the name itself.
  if (name.id == "__name__" && !env.count(name.id) &&
      !program.globalsReadByFunctions.contains(name.id))
    return stringConstant("__main__", loc(name.getLoc()));
  Values values = readVariable(name.id, name.getLoc());
  return values.size() == 1 ? values[0] : mlir::Value();
}

mlir::Value MLIRGenerator::genAttribute(const Attribute &attr) {
  mlir::Location l = loc(attr.getLoc());
  Type base = typeOf(*attr.value);
  if (base.is(Type::Kind::Module)) {
    if (auto c = sema::lookupModuleConstant(base.getName(), attr.attr))
      return constFloat(*c, l);
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

mlir::Value MLIRGenerator::arrayIndex(mlir::Value array, mlir::Value index,
                                      SourceLoc l) {
  // Negative indices count from the end, as in NumPy.
  mlir::Location location = loc(l);
  mlir::Value size = fromIndex(
      mlir::memref::DimOp::create(builder, location, array, 0), location);
  mlir::Value negative = mlir::arith::CmpIOp::create(
      builder, location, mlir::arith::CmpIPredicate::slt, index,
      constInt(0, location));
  mlir::Value wrapped = mlir::arith::SelectOp::create(
      builder, location, negative,
      mlir::arith::AddIOp::create(builder, location, index, size), index);
  if (options.boundsCheck) {
    mlir::Value outside = mlir::arith::CmpIOp::create(
        builder, location, mlir::arith::CmpIPredicate::uge, wrapped, size);
    callRuntimeErrorIf(
        outside, "nmrt_index_error",
        {index, constInt(0, location), size, constInt(l.line, location)},
        location);
  }
  return toIndex(wrapped, location);
}

mlir::Value MLIRGenerator::genArrayIndex(const Subscript &sub,
                                                  mlir::Value &array) {
  array = gen(*sub.value);
  mlir::Value index = genAs(*sub.index, Type::integer());
  return arrayIndex(array, index, sub.getLoc());
}

mlir::Value MLIRGenerator::genSubscript(const Subscript &sub) {
  mlir::Location l = loc(sub.getLoc());
  Type container = typeOf(*sub.value);
  if (container.is(Type::Kind::Tuple)) {
    Values element = tupleElement(genValues(*sub.value), container,
                                  instance->tupleIndices.lookup(&sub));
    return element.empty() ? mlir::Value() : element[0];
  }
  if (container.is(Type::Kind::List)) {
    mlir::Value list = gen(*sub.value);
    return mlir::nm::ListGetOp::create(
        builder, l, storageType(container.getElement()), list,
        genAs(*sub.index, Type::integer()));
  }
  mlir::Value array;
  mlir::Value index = genArrayIndex(sub, array);
  return mlir::memref::LoadOp::create(builder, l, array, index);
}

mlir::Value MLIRGenerator::genCall(const Call &call) {
  if (instance->callees.count(&call)) {
    Values results = callFunction(call);
    return results.size() == 1 ? results[0] : mlir::Value();
  }
  Type calleeType = typeOf(*call.func);
  return genBuiltinCall(call, calleeType.getName());
}

Values MLIRGenerator::callFunction(const Call &call) {
  const FunctionInstance &target = *instance->callees.lookup(&call);
  const auto &bound = instance->boundArgs.lookup(&call);
  // Arguments are evaluated in source order, keywords included; defaults
  // (literals) after them.
  llvm::DenseMap<const Expr *, Values> evaluated;
  for (const ExprPtr &arg : call.args)
    evaluated[arg.get()] = genValues(*arg);
  for (const Keyword &kw : call.keywords)
    evaluated[kw.value.get()] = genValues(*kw.value);
  Values args;
  for (size_t i = 0; i < bound.size(); ++i) {
    auto it = evaluated.find(bound[i]);
    Values values = it != evaluated.end() ? it->second : genValues(*bound[i]);
    args.append(convertValues(values, typeOf(*bound[i]), target.paramTypes[i],
                              bound[i]->getLoc()));
  }
  auto op =
      mlir::func::CallOp::create(builder, loc(call.getLoc()), target.symbol,
                                 storageTypes(target.returnType), args);
  return Values(op.getResults().begin(), op.getResults().end());
}

mlir::Value MLIRGenerator::genBuiltinCall(const Call &call,
                                          const std::string &name) {
  mlir::Location l = loc(call.getLoc());
  if (name == "print") {
    genPrint(call);
    return {};
  }
  if (name.rfind("comm.", 0) == 0)
    return genCommCall(call, name);
  if (name == "numpy.empty" || name == "numpy.zeros" || name == "numpy.ones")
    return genArrayConstructor(call, name);
  if (name == "mpi4py.MPI.Wtime")
    return mlir::nm::WtimeOp::create(builder, l, builder.getF64Type());
  if (name == "len") {
    Type t = typeOf(*call.args[0]);
    if (t.is(Type::Kind::Tuple))
      return constInt(t.getElements().size(), l);
    mlir::Value v = gen(*call.args[0]);
    if (t.is(Type::Kind::List))
      return mlir::nm::ListLenOp::create(builder, l, builder.getI64Type(), v,
                                         mlir::UnitAttr());
    return fromIndex(mlir::memref::DimOp::create(builder, l, v, 0), l);
  }
  return genMathCall(call, name);
}

void MLIRGenerator::genPrint(const Call &call) {
  mlir::Location l = loc(call.getLoc());
  std::string sep = " ", end = "\n";
  for (const Keyword &kw : call.keywords)
    (kw.name == "sep" ? sep : end) = cast<StrLit>(*kw.value).value;
  for (size_t i = 0; i < call.args.size(); ++i) {
    if (i)
      nmc::callRuntime(builder, l, "nmrt_print_str", {}, {stringConstant(sep, l)});
    const Expr &arg = *call.args[i];
    printValues(l, genValues(arg), typeOf(arg), arg.getLoc());
  }
  nmc::callRuntime(builder, l, "nmrt_print_str", {}, {stringConstant(end, l)});
}

void MLIRGenerator::printValues(mlir::Location l, const Values &values,
                                const Type &t, SourceLoc at) {
  switch (t.getKind()) {
  case Type::Kind::Int:
    nmc::callRuntime(builder, l, "nmrt_print_i64", {}, values);
    return;
  case Type::Kind::Float:
    nmc::callRuntime(builder, l, "nmrt_print_f64", {}, values);
    return;
  case Type::Kind::Bool:
    nmc::callRuntime(builder, l, "nmrt_print_bool", {},
                {mlir::arith::ExtUIOp::create(builder, l, builder.getI8Type(),
                                              values[0])});
    return;
  case Type::Kind::Str:
    nmc::callRuntime(builder, l, "nmrt_print_str", {}, values);
    return;
  case Type::Kind::None:
    nmc::callRuntime(builder, l, "nmrt_print_none", {}, {});
    return;
  case Type::Kind::List:
    mlir::nm::ListPrintOp::create(builder, l, values[0]);
    return;
  case Type::Kind::Tuple: {
    // (1, 2.5), and (1,) for one element, as Python prints tuples.
    size_t n = t.getElements().size();
    nmc::callRuntime(builder, l, "nmrt_print_str", {}, {stringConstant("(", l)});
    for (size_t i = 0; i < n; ++i) {
      if (i)
        nmc::callRuntime(builder, l, "nmrt_print_str", {}, {stringConstant(", ", l)});
      printValues(l, tupleElement(values, t, i), t.getElements()[i], at);
    }
    nmc::callRuntime(builder, l, "nmrt_print_str", {},
                {stringConstant(n == 1 ? ",)" : ")", l)});
    return;
  }
  default:
    error(at, "printing " + t.str() + " is not supported yet");
  }
}

mlir::Value MLIRGenerator::genCommCall(const Call &call,
                                       const std::string &name) {
  mlir::Location l = loc(call.getLoc());
  mlir::Value comm = commWorld(l);
  if (name == "comm.Get_rank")
    return mlir::nm::RankOp::create(builder, l, builder.getI64Type(), comm);
  if (name == "comm.Get_size")
    return mlir::nm::SizeOp::create(builder, l, builder.getI64Type(), comm);
  if (name == "comm.barrier" || name == "comm.Barrier") {
    mlir::nm::BarrierOp::create(builder, l, comm);
    return {};
  }
  // (value, root or op) as type inference bound them.
  const auto &bound = instance->boundArgs.lookup(&call);
  mlir::Value value = gen(*bound[0]);
  if (name == "comm.gather") {
    const Expr *rootExpr = bound[1];
    mlir::Value root =
        rootExpr ? genAs(*rootExpr, Type::integer()) : constInt(0, l);
    auto listType = mlir::nm::ListType::get(&context, value.getType());
    return mlir::nm::GatherOp::create(builder, l, listType, comm, value, root);
  }
  // comm.allreduce
  const Expr *opExpr = bound[1];
  std::string opName = opExpr ? typeOf(*opExpr).getName() : "SUM";
  auto kind = mlir::nm::symbolizeReduceKind(llvm::StringRef(opName).lower());
  return mlir::nm::AllreduceOp::create(
      builder, l, value.getType(), comm, value,
      mlir::nm::ReduceKindAttr::get(&context, *kind));
}

mlir::Value MLIRGenerator::genArrayConstructor(const Call &call,
                                               const std::string &name) {
  mlir::Location l = loc(call.getLoc());
  mlir::Value length = genAs(*call.args[0], Type::integer());
  raiseIf(mlir::arith::CmpIOp::create(builder, l,
                                      mlir::arith::CmpIPredicate::slt, length,
                                      constInt(0, l)),
          "ValueError", "negative dimensions are not allowed", call.getLoc());
  auto contiguous =
      mlir::MemRefType::get({mlir::ShapedType::kDynamic}, builder.getF64Type());
  mlir::Value n = toIndex(length, l);
  mlir::Value buffer = mlir::memref::AllocOp::create(builder, l, contiguous,
                                                     mlir::ValueRange{n});
  if (name != "numpy.empty") {
    mlir::Value fill = constFloat(name == "numpy.ones" ? 1.0 : 0.0, l);
    auto zero = mlir::arith::ConstantIndexOp::create(builder, l, 0);
    auto one = mlir::arith::ConstantIndexOp::create(builder, l, 1);
    mlir::scf::ForOp::create(builder, l, zero, n, one, mlir::ValueRange{},
                             [&](mlir::OpBuilder &b, mlir::Location bl,
                                 mlir::Value i, mlir::ValueRange) {
                               mlir::memref::StoreOp::create(
                                   b, bl, fill, buffer, mlir::ValueRange{i});
                               mlir::scf::YieldOp::create(b, bl);
                             });
  }
  return mlir::memref::CastOp::create(
      builder, l, arrayType(Type::array(Type::floating(), 1)), buffer);
}

mlir::Value MLIRGenerator::genMathCall(const Call &call,
                                       const std::string &name) {
  mlir::Location l = loc(call.getLoc());
  Type resultType = typeOf(call);
  llvm::SmallVector<mlir::Value> args;
  llvm::SmallVector<Type> argTypes;
  for (const ExprPtr &arg : call.args) {
    args.push_back(gen(*arg));
    argTypes.push_back(typeOf(*arg));
  }
  auto asFloat = [&](size_t i) {
    return convert(args[i], argTypes[i], Type::floating(), call.getLoc());
  };
  auto asResult = [&](size_t i) {
    return convert(args[i], argTypes[i], resultType, call.getLoc());
  };
  auto fm = fastmath();
  if (name == "int" || name == "float" || name == "bool")
    return asResult(0);
  if (name == "abs" || name == "numpy.abs") {
    if (resultType.is(Type::Kind::Int))
      return mlir::math::AbsIOp::create(builder, l, asResult(0));
    return mlir::math::AbsFOp::create(builder, l, asResult(0), fm);
  }
  if (name == "min" || name == "max") {
    // Python keeps the first of equal values and compares with < / >, so
    // NaN handling follows the order of the arguments.
    mlir::Value result = asResult(0);
    for (size_t i = 1; i < args.size(); ++i) {
      mlir::Value next = asResult(i);
      mlir::Value better;
      if (resultType.is(Type::Kind::Float))
        better = mlir::arith::CmpFOp::create(
            builder, l,
            name == "min" ? mlir::arith::CmpFPredicate::OLT
                          : mlir::arith::CmpFPredicate::OGT,
            next, result);
      else if (resultType.is(Type::Kind::Bool))
        // i1 read as signed would make True less than False.
        better = mlir::arith::CmpIOp::create(
            builder, l,
            name == "min" ? mlir::arith::CmpIPredicate::ult
                          : mlir::arith::CmpIPredicate::ugt,
            next, result);
      else
        better = mlir::arith::CmpIOp::create(
            builder, l,
            name == "min" ? mlir::arith::CmpIPredicate::slt
                          : mlir::arith::CmpIPredicate::sgt,
            next, result);
      result = mlir::arith::SelectOp::create(builder, l, better, next, result);
    }
    return result;
  }
  // round, floor and ceil of an int are that int; through a float they
  // would lose digits beyond 2^53.
  bool intArgument = !args.empty() && !argTypes[0].is(Type::Kind::Float);
  if ((name == "round" || name == "math.floor" || name == "math.ceil") &&
      intArgument)
    return asResult(0);
  if (name == "round")
    return floatToInt(
        mlir::math::RoundEvenOp::create(builder, l, asFloat(0), fm),
        call.getLoc());
  if (name == "math.floor" || name == "math.ceil") {
    mlir::Value x = asFloat(0);
    mlir::Value r =
        name == "math.floor"
            ? mlir::math::FloorOp::create(builder, l, x, fm).getResult()
            : mlir::math::CeilOp::create(builder, l, x, fm).getResult();
    return floatToInt(r, call.getLoc());
  }
  if (name == "math.isnan") {
    mlir::Value x = asFloat(0);
    return mlir::arith::CmpFOp::create(builder, l,
                                       mlir::arith::CmpFPredicate::UNO, x, x);
  }
  if (name == "math.isinf") {
    mlir::Value x = mlir::math::AbsFOp::create(builder, l, asFloat(0));
    return mlir::arith::CmpFOp::create(builder, l,
                                       mlir::arith::CmpFPredicate::OEQ, x,
                                       constFloat(INFINITY, l));
  }
  if (name == "math.pow")
    return mlir::math::PowFOp::create(builder, l, asFloat(0), asFloat(1), fm);
  // libm has these; LLVM has no intrinsic for them.
  mlir::Type f64 = builder.getF64Type();
  if (name == "math.atan2" || name == "math.hypot")
    return nmc::callRuntime(builder, l, llvm::StringRef(name).drop_front(5), {f64},
                       {asFloat(0), asFloat(1)});
  if (name == "math.tan" || name == "numpy.tan")
    return nmc::callRuntime(builder, l, "tan", {f64}, {asFloat(0)});
  llvm::StringRef fn = llvm::StringRef(name)
                           .drop_until([](char c) { return c == '.'; })
                           .drop_front();
  mlir::Value x = asFloat(0);
  if (fn == "sqrt")
    return mlir::math::SqrtOp::create(builder, l, x, fm);
  if (fn == "exp")
    return mlir::math::ExpOp::create(builder, l, x, fm);
  if (fn == "log")
    return mlir::math::LogOp::create(builder, l, x, fm);
  if (fn == "log10")
    return mlir::math::Log10Op::create(builder, l, x, fm);
  if (fn == "sin")
    return mlir::math::SinOp::create(builder, l, x, fm);
  if (fn == "cos")
    return mlir::math::CosOp::create(builder, l, x, fm);
  if (fn == "fabs")
    return mlir::math::AbsFOp::create(builder, l, x, fm);
  if (fn == "float64")
    return x;
  return error(call.getLoc(), "calling '" + name + "' is not supported yet",
               storageType(resultType));
}

mlir::Value MLIRGenerator::genBinary(BinOpKind op, mlir::Value lhs,
                                     const Type &lhsType, mlir::Value rhs,
                                     const Type &rhsType,
                                     const Type &resultType, SourceLoc l) {
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
  case BinOpKind::Pow:
    return mlir::math::IPowIOp::create(builder, location, a, b);
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
  // CPython's float_divmod, signed zeros included: the remainder takes the
  // divisor's sign and the quotient is rounded to the nearest integer.
  auto pythonDivmod = [&](mlir::Value &floorDiv) {
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
    div = select(adjust,
                 mlir::arith::SubFOp::create(builder, location, div, one, fm),
                 div);
    mod =
        select(adjust,
               mlir::arith::AddFOp::create(builder, location, mod, b, fm), mod);
    mod =
        select(modIsZero,
               mlir::math::CopySignOp::create(builder, location, zero, b), mod);
    mlir::Value rounded = mlir::math::FloorOp::create(builder, location, div);
    mlir::Value roundUp =
        cmp(Pred::OGT,
            mlir::arith::SubFOp::create(builder, location, div, rounded, fm),
            constFloat(0.5, location));
    rounded =
        select(roundUp,
               mlir::arith::AddFOp::create(builder, location, rounded, one, fm),
               rounded);
    mlir::Value quotient =
        mlir::arith::DivFOp::create(builder, location, a, b, fm);
    floorDiv = select(
        cmp(Pred::OEQ, div, zero),
        mlir::math::CopySignOp::create(builder, location, zero, quotient),
        rounded);
    return mod;
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
    pythonDivmod(floorDiv);
    return floorDiv;
  }
  case BinOpKind::Mod: {
    checkDivisor("float modulo");
    mlir::Value floorDiv;
    return pythonDivmod(floorDiv);
  }
  case BinOpKind::Pow:
    return mlir::math::PowFOp::create(builder, location, a, b, fm);
  default:
    break;
  }
  return error(l, "internal error: bad float operator", a.getType());
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
  builder.setInsertionPointToEnd(rest);
  mlir::Value late = genRest();
  mlir::cf::BranchOp::create(builder, location, merge, mlir::ValueRange{late});
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
  builder.setInsertionPointToEnd(thenBlock);
  mlir::cf::BranchOp::create(builder, l, merge,
                             genValuesAs(*ifExp.body, resultType));
  builder.setInsertionPointToEnd(elseBlock);
  mlir::cf::BranchOp::create(builder, l, merge,
                             genValuesAs(*ifExp.orelse, resultType));
  builder.setInsertionPointToEnd(merge);
  return result.empty() ? mlir::Value() : result[0];
}

mlir::OwningOpRef<mlir::ModuleOp>
nmc::generateMLIR(mlir::MLIRContext &context, const sema::Program &program,
                  DiagnosticEngine &diags, const MLIRGenOptions &options) {
  return MLIRGenerator(context, program, diags, options).run();
}
