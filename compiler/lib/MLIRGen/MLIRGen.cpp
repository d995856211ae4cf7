//===- MLIRGen.cpp - Typed AST to MLIR ------------------------------------===//
//
// Control flow is emitted with `cf` branches, not `scf`, because Python's
// break, continue and early return leave loops anywhere. Variables are put
// in SSA form as the code is generated (SSABuilder): a join block takes
// arguments only for the variables that differ between its predecessors.
//
//===----------------------------------------------------------------------===//

#include "MLIRGenerator.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "nm/IR/NMDialect.h"

using namespace nmc;
using namespace nmc::mlirgen;

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

mlir::MemRefType MLIRGenerator::arrayType(const Type &t) {
  return stridedType(t.getRank(), storageType(t.getElement()));
}

mlir::MemRefType MLIRGenerator::stridedType(int64_t rank, mlir::Type element) {
  // A fully dynamic strided layout, so that views (slices, transposes) can
  // share the type of fresh arrays.
  llvm::SmallVector<int64_t> shape(rank, mlir::ShapedType::kDynamic);
  llvm::SmallVector<int64_t> strides(rank, mlir::ShapedType::kDynamic);
  auto layout = mlir::StridedLayoutAttr::get(
      &context, mlir::ShapedType::kDynamic, strides);
  return mlir::MemRefType::get(shape, element, layout);
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
    return mlir::nm::StrType::get(&context);
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
  // Runtime errors name the source file.
  module->setAttr(mlir::nm::NMDialect::getSourceNameAttrName(),
                  builder.getStringAttr(diags.getFilename()));
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
    // One memref global per value the variable is held in (a tuple's
    // elements each have one).
    for (auto [i, type] : llvm::enumerate(globalSlots(name)))
      mlir::memref::GlobalOp::create(
          builder, module.getLoc(), globalSymbol(name, i),
          builder.getStringAttr("private"), mlir::MemRefType::get({}, type),
          mlir::Attribute(), /*constant=*/false, /*alignment=*/nullptr);
  }
}

llvm::SmallVector<mlir::Type> MLIRGenerator::globalSlots(llvm::StringRef name) {
  return storageTypes(program.globalType(name));
}

mlir::Value MLIRGenerator::stringConstant(llvm::StringRef text,
                                          mlir::Location l) {
  return mlir::nm::ConstantStrOp::create(
      builder, l, mlir::nm::StrType::get(&context), text);
}

void MLIRGenerator::generateInstance(const FunctionInstance &inst) {
  instance = &inst;
  loops.clear();

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

  // A variable read where no assignment reaches (Python would raise
  // UnboundLocalError) reads poison.
  auto undefined = [&](mlir::Type type) -> mlir::Value {
    mlir::OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToStart(entry);
    return mlir::ub::PoisonOp::create(builder, loc(defLoc), type);
  };
  auto widen = [&](mlir::Value value, mlir::Type to, mlir::Block *block) {
    return widenAtBlockEnd(value, to, block);
  };
  SSABuilder ssaBuilder(undefined, widen);
  ssa = &ssaBuilder;
  sealBlock(entry);
  size_t nextArgument = 0;
  for (size_t i = 0; i < inst.paramTypes.size(); ++i) {
    Values values;
    for (size_t n = storageTypes(inst.paramTypes[i]).size(); n; --n)
      values.push_back(entry->getArgument(nextArgument++));
    ssa->writeVariable(entry, inst.def->params[i].name, values);
  }

  if (inst.isModuleBody()) {
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
  ssa->finish();
  ssa = nullptr;
}

Values MLIRGenerator::readVariable(const std::string &name, const Type &t,
                                   SourceLoc l) {
  // None, and tuples of None and (), are held in no values at all.
  llvm::SmallVector<mlir::Type> types = storageTypes(t);
  if (types.empty())
    return {};
  if (auto renamed = comprehensionVariables.find(name);
      renamed != comprehensionVariables.end())
    return ssa->readVariable(builder.getInsertionBlock(), renamed->second,
                             types);
  if (instance->locals.count(name))
    return ssa->readVariable(builder.getInsertionBlock(), name, types);
  // A module-level variable read inside a function: it is read as the
  // union of its assignments' types, the type it is stored as.
  if (!program.globalsReadByFunctions.contains(name))
    return {
        error(l, "internal error: no storage for '" + name + "'", types[0])};
  mlir::Location location = loc(l);
  Values values;
  for (auto [i, type] : llvm::enumerate(globalSlots(name))) {
    auto global = mlir::memref::GetGlobalOp::create(
        builder, location, mlir::MemRefType::get({}, type),
        globalSymbol(name, i));
    values.push_back(mlir::memref::LoadOp::create(builder, location, global,
                                                  mlir::ValueRange{}));
  }
  return values;
}

void MLIRGenerator::writeVariable(const std::string &name, Values values,
                                  const Type &t, SourceLoc l) {
  if (storageTypes(t).empty())
    return; // a compile-time value or None: nothing to hold
  if (auto renamed = comprehensionVariables.find(name);
      renamed != comprehensionVariables.end())
    return ssa->writeVariable(builder.getInsertionBlock(), renamed->second,
                              values);
  if (instance->isModuleBody() &&
      program.globalsReadByFunctions.contains(name)) {
    // Functions read the union of the assigned types.
    Values stored = convertValues(values, t, program.globalType(name), l);
    mlir::Location location = loc(l);
    for (auto [i, type] : llvm::enumerate(globalSlots(name))) {
      auto global = mlir::memref::GetGlobalOp::create(
          builder, location, mlir::MemRefType::get({}, type),
          globalSymbol(name, i));
      mlir::memref::StoreOp::create(builder, location, stored[i], global,
                                    mlir::ValueRange{});
    }
  }
  ssa->writeVariable(builder.getInsertionBlock(), name, values);
}

mlir::Value MLIRGenerator::widenAtBlockEnd(mlir::Value value, mlir::Type to,
                                           mlir::Block *block) {
  // Where paths join, an int and a float unify to float (bool to int):
  // the narrower value is widened on its way out of `block`.
  mlir::OpBuilder::InsertionGuard guard(builder);
  if (!block->empty() && block->back().hasTrait<mlir::OpTrait::IsTerminator>())
    builder.setInsertionPoint(&block->back());
  else
    builder.setInsertionPointToEnd(block);
  mlir::Location l = value.getLoc();
  mlir::Type from = value.getType();
  if (from.isInteger(1) && to.isInteger(64))
    return mlir::arith::ExtUIOp::create(builder, l, to, value);
  if (from.isInteger(1) && to.isF64())
    return mlir::arith::UIToFPOp::create(builder, l, to, value);
  if (from.isInteger(64) && to.isF64())
    return mlir::arith::SIToFPOp::create(builder, l, to, value);
  diags.error({1, 1}, "internal error: a variable's value of MLIR type " +
                          mlirTypeName(from) + " is read as " +
                          mlirTypeName(to));
  hadError = true;
  return mlir::ub::PoisonOp::create(builder, l, to);
}

//===----------------------------------------------------------------------===//
// Control flow
//===----------------------------------------------------------------------===//

void MLIRGenerator::branchTo(mlir::Location l, mlir::Block *block) {
  mlir::cf::BranchOp::create(builder, l, block);
}

void MLIRGenerator::startUnreachableBlock() {
  mlir::Block *block = createBlock();
  sealBlock(block);
  builder.setInsertionPointToEnd(block);
}

void MLIRGenerator::raiseIf(mlir::Value condition, llvm::StringRef excName,
                            llvm::StringRef message, SourceLoc l) {
  mlir::Location location = loc(l);
  genIf(condition, location, [&] {
    mlir::nm::RaiseOp::create(builder, location, excName, message,
                              /*text=*/mlir::Value());
  });
}

void MLIRGenerator::genIf(mlir::Value condition, mlir::Location l,
                          llvm::function_ref<void()> genThen) {
  mlir::Block *thenBlock = createBlock();
  mlir::Block *continueBlock = createBlock();
  mlir::cf::CondBranchOp::create(builder, l, condition, thenBlock,
                                 continueBlock);
  sealBlock(thenBlock);
  builder.setInsertionPointToEnd(thenBlock);
  genThen();
  mlir::cf::BranchOp::create(builder, l, continueBlock);
  sealBlock(continueBlock);
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
  case Stmt::Kind::Raise:
    return genRaise(cast<Raise>(stmt));
  case Stmt::Kind::Import:
    return genImport(cast<Import>(stmt));
  case Stmt::Kind::Try: {
    // Decided at compile time: the imports, or the clause that catches
    // their failure; then finally.
    const auto &tryStmt = cast<Try>(stmt);
    int outcome = instance->tryOutcomes.lookup(&tryStmt);
    if (outcome < 0) {
      genBody(tryStmt.body);
      genBody(tryStmt.orelse);
    } else {
      genBody(tryStmt.handlers[outcome].body);
    }
    return genBody(tryStmt.finalbody);
  }
  case Stmt::Kind::Pass:
  case Stmt::Kind::FunctionDef:
    // A definition binds a compile-time value only.
    return;
  }
}

void MLIRGenerator::genAssign(const Assign &assign) {
  // `a[lo:hi] = b + s * c`: one loop computing into the view. The value's
  // operands are evaluated first, then the target, as Python orders them.
  auto *sub = assign.targets.size() == 1
                  ? dyn_cast<Subscript>(assign.targets[0].get())
                  : nullptr;
  if (sub && isArrayView(*sub))
    return assignToArray(*sub, *assign.value, std::nullopt, assign.getLoc());
  // Python evaluates the value once, then assigns targets left to right;
  // `u, v = v, u` reads every element before it writes any target.
  Values values = genValues(*assign.value);
  for (const ExprPtr &target : assign.targets)
    genAssignTarget(*target, values, typeOf(*assign.value), assign.getLoc());
}

void MLIRGenerator::genAssignTarget(const Expr &target, const Values &values,
                                    const Type &valueType, SourceLoc l) {
  if (auto *name = dyn_cast<Name>(&target)) {
    // Each assignment keeps the value's own type.
    writeVariable(name->id, values, valueType, l);
    return;
  }
  if (auto *tuple = dyn_cast<Tuple>(&target);
      tuple && valueType.is(Type::Kind::List)) {
    // `a, b = l`: the list's length is checked, then each element bound.
    Type element = valueType.getElement();
    llvm::SmallVector<mlir::Type> types(tuple->elts.size(),
                                        storageType(element));
    auto unpack = mlir::nm::ListUnpackOp::create(builder, loc(l), types,
                                                 values[0], insideNjit());
    for (auto [elt, v] : llvm::zip(tuple->elts, unpack.getResults()))
      genAssignTarget(*elt, {v}, element, l);
    return;
  }
  if (auto *tuple = dyn_cast<Tuple>(&target)) {
    for (size_t i = 0; i < tuple->elts.size(); ++i)
      genAssignTarget(*tuple->elts[i], tupleElement(values, valueType, i),
                      valueType.getElements()[i], l);
    return;
  }
  if (auto *sub = dyn_cast<Subscript>(&target)) {
    Type container = typeOf(*sub->value);
    if (container.is(Type::Kind::Array)) {
      llvm::SmallVector<mlir::Value> indices;
      mlir::Value accessed = genArrayAccess(*sub, indices);
      if (indices.empty()) {
        assignValueToArray(accessed, container.getElement(), values[0],
                           valueType, l);
        return;
      }
      mlir::memref::StoreOp::create(
          builder, loc(l),
          convert(values[0], valueType, container.getElement(), l), accessed,
          indices);
      return;
    }
    // Type inference allows only values of the list's element type (a list
    // for a slice).
    mlir::Value list = gen(*sub->value);
    if (auto *slice = dyn_cast<Slice>(sub->index.get())) {
      auto [start, length, step] = genSliceBounds(
          listLength(list, mlir::nm::ListLenUse::store, loc(l)), *slice);
      mlir::nm::ListSetSliceOp::create(builder, loc(l), list, start, length,
                                       step, values[0]);
      return;
    }
    mlir::nm::ListSetOp::create(builder, loc(l), list,
                                genAs(*sub->index, Type::integer()), values[0]);
    return;
  }
  error(target.getLoc(), "assignment to this target is not supported yet");
}

void MLIRGenerator::genImport(const Import &import) {
  // Modules and functions are compile-time values; `from math import pi`
  // binds a variable to a number, `from sys import argv` to the list.
  for (const ImportAlias &alias : import.names) {
    if (alias.name.empty())
      continue;
    std::optional<sema::BuiltinScope> scope = sema::lookupModule(alias.module);
    sema::BuiltinLookup found = sema::lookupBuiltin(*scope, alias.name);
    const std::string &name = alias.asName.empty() ? alias.name : alias.asName;
    mlir::Location l = loc(alias.loc);
    if (found.info->rule == sema::BuiltinRule::Constant) {
      writeVariable(name, {constFloat(found.info->value, l)}, Type::floating(),
                    alias.loc);
    } else if (found.info->rule == sema::BuiltinRule::Argv) {
      Type argv = Type::list(Type::string());
      writeVariable(name,
                    {mlir::nm::ArgvOp::create(builder, l, storageType(argv))},
                    argv, alias.loc);
    }
  }
}

void MLIRGenerator::genAugAssign(const AugAssign &aug) {
  Type valueType = typeOf(*aug.value);
  if (auto *name = dyn_cast<Name>(aug.target.get());
      name && typeOf(*aug.target).is(Type::Kind::Array)) {
    // `a += b` computes into a's own data: every name for it sees it.
    Type current = typeOf(*aug.target);
    mlir::Value array = readVariable(name->id, current, aug.getLoc())[0];
    assignToArray(array, current, *aug.value, aug.op, aug.getLoc());
    return;
  }
  if (auto *name = dyn_cast<Name>(aug.target.get())) {
    Type current = typeOf(*aug.target);
    mlir::Value lhs = readVariable(name->id, current, aug.getLoc())[0];
    mlir::Value rhs = gen(*aug.value);
    if (current.is(Type::Kind::List)) {
      // `l += other` extends the list in place: every name for it sees it.
      mlir::nm::ListExtendOp::create(builder, loc(aug.getLoc()), lhs, rhs,
                                     /*iadd=*/true);
      return;
    }
    Type result = instance->augmentedResults.lookup(&aug);
    mlir::Value v =
        genBinary(aug.op, lhs, current, rhs, valueType, result, aug.getLoc());
    writeVariable(name->id, {v}, result, aug.getLoc());
    return;
  }
  auto *sub = cast<Subscript>(aug.target.get());
  mlir::Location l = loc(aug.getLoc());
  Type result = instance->augmentedResults.lookup(&aug);
  if (typeOf(*sub->value).is(Type::Kind::List)) {
    // The list and index once; the result has the element's type.
    Type element = typeOf(*sub->value).getElement();
    mlir::Value list = gen(*sub->value);
    mlir::Value index = genAs(*sub->index, Type::integer());
    mlir::Value current = mlir::nm::ListGetOp::create(
        builder, l, storageType(element), list, index);
    mlir::Value rhs = gen(*aug.value);
    mlir::Value v = genBinary(aug.op, current, element, rhs, valueType, result,
                              aug.getLoc());
    mlir::nm::ListSetOp::create(builder, l, list, index, v);
    return;
  }
  if (isArrayView(*sub))
    return assignToArray(*sub, *aug.value, aug.op, aug.getLoc());
  // The container and index are evaluated once, as Python does.
  llvm::SmallVector<mlir::Value> indices;
  mlir::Value array = genArrayAccess(*sub, indices);
  Type element = typeOf(*sub->value).getElement();
  mlir::Value current =
      mlir::memref::LoadOp::create(builder, l, array, indices);
  mlir::Value rhs = gen(*aug.value);
  mlir::Value v =
      genBinary(aug.op, current, element, rhs, valueType, result, aug.getLoc());
  mlir::memref::StoreOp::create(
      builder, l, convert(v, result, element, aug.getLoc()), array, indices);
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
  mlir::Block *merge = createBlock();
  mlir::cf::CondBranchOp::create(builder, l, cond, thenBlock, elseBlock);
  sealBlock(thenBlock);
  sealBlock(elseBlock);

  builder.setInsertionPointToEnd(thenBlock);
  genBody(ifStmt.body);
  branchTo(l, merge);

  builder.setInsertionPointToEnd(elseBlock);
  genBody(ifStmt.orelse);
  branchTo(l, merge);

  sealBlock(merge);
  builder.setInsertionPointToEnd(merge);
}

void MLIRGenerator::genWhile(const While &whileStmt) {
  mlir::Location l = loc(whileStmt.getLoc());
  mlir::Block *header = createBlock();
  mlir::Block *exit = createBlock();
  branchTo(l, header);

  // The header stays unsealed until the body's back edges exist.
  builder.setInsertionPointToEnd(header);
  mlir::Value cond =
      truthy(gen(*whileStmt.test), typeOf(*whileStmt.test), whileStmt.getLoc());
  genLoopBranches(
      cond, header, header, exit, [&] { genBody(whileStmt.body); },
      whileStmt.orelse, l);
}

void MLIRGenerator::genCountedLoop(
    mlir::Location l, mlir::Value tripCount,
    llvm::function_ref<void(mlir::Value)> genIteration,
    const StmtList &orelse) {
  mlir::Block *header = createBlock();
  mlir::Value counter = header->addArgument(builder.getI64Type(), l);
  mlir::Block *latch = createBlock();
  mlir::Block *exit = createBlock();
  mlir::cf::BranchOp::create(builder, l, header,
                             mlir::ValueRange{constInt(0, l)});

  // The latch, where the body ends and `continue` goes: count, then back to
  // the header.
  {
    mlir::OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToEnd(latch);
    mlir::Value next =
        mlir::arith::AddIOp::create(builder, l, counter, constInt(1, l));
    mlir::cf::BranchOp::create(builder, l, header, mlir::ValueRange{next});
  }

  builder.setInsertionPointToEnd(header);
  // The trip count is unsigned: a range may have up to 2^64 - 1 elements.
  mlir::Value more = mlir::arith::CmpIOp::create(
      builder, l, mlir::arith::CmpIPredicate::ult, counter, tripCount);
  genLoopBranches(
      more, header, latch, exit, [&] { genIteration(counter); }, orelse, l);
}

void MLIRGenerator::genLoopBranches(mlir::Value more, mlir::Block *header,
                                    mlir::Block *continueBlock,
                                    mlir::Block *exit,
                                    llvm::function_ref<void()> genIteration,
                                    const StmtList &orelse, mlir::Location l) {
  mlir::Block *bodyBlock = createBlock();
  mlir::Block *orelseBlock = createBlock();
  mlir::cf::CondBranchOp::create(builder, l, more, bodyBlock, orelseBlock);
  sealBlock(bodyBlock);
  sealBlock(orelseBlock);

  builder.setInsertionPointToEnd(bodyBlock);
  loops.push_back({continueBlock, exit});
  genIteration();
  loops.pop_back();
  branchTo(l, continueBlock);
  // Every back edge exists now.
  sealBlock(continueBlock);
  sealBlock(header);

  // The else clause runs when the loop ends without break.
  builder.setInsertionPointToEnd(orelseBlock);
  genBody(orelse);
  branchTo(l, exit);
  sealBlock(exit);
  builder.setInsertionPointToEnd(exit);
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

MLIRGenerator::Sequence MLIRGenerator::genSequence(const Expr &iter) {
  mlir::Location l = loc(iter.getLoc());
  auto *call = dyn_cast<Call>(&iter);
  // range(), enumerate(), zip(), reversed(): iterators, not values (a call
  // of list(), sorted() or a str method gives a list).
  if (call && typeOf(*call->func).is(Type::Kind::Builtin) &&
      sema::getBuiltin(typeOf(*call->func).getBuiltin()).rule ==
          sema::BuiltinRule::Range) {
    sema::BuiltinId id = typeOf(*call->func).getBuiltin();
    if (id == sema::BuiltinId::Enumerate) {
      // (start + k, element k).
      const auto &bound = instance->boundArgs.lookup(call);
      Sequence inner = genSequence(*bound[0]);
      mlir::Value start =
          bound[1] ? genAs(*bound[1], Type::integer()) : constInt(0, l);
      return {inner.length, [=](mlir::Value k) {
                Values element{
                    mlir::arith::AddIOp::create(builder, l, start, k)};
                element.append(inner.element(k));
                return element;
              }};
    }
    if (id == sema::BuiltinId::Reversed) {
      // Element length - 1 - k of the sequence.
      Sequence inner = genSequence(*call->args[0]);
      mlir::Value last =
          mlir::arith::SubIOp::create(builder, l, inner.length, constInt(1, l));
      return {inner.length, [=](mlir::Value k) {
                return inner.element(
                    mlir::arith::SubIOp::create(builder, l, last, k));
              }};
    }
    if (id == sema::BuiltinId::Zip) {
      // As long as the shortest; one element of each.
      std::vector<Sequence> inners;
      for (const ExprPtr &arg : call->args)
        inners.push_back(genSequence(*arg));
      mlir::Value length = inners[0].length;
      for (size_t i = 1; i < inners.size(); ++i)
        length =
            mlir::arith::MinSIOp::create(builder, l, length, inners[i].length);
      return {length, [=](mlir::Value k) {
                Values element;
                for (const Sequence &inner : inners)
                  element.append(inner.element(k));
                return element;
              }};
    }
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
    return {length, [=](mlir::Value k) {
              // start + k * step, which wraps only where Python's value
              // would not fit.
              return Values{mlir::arith::AddIOp::create(
                  builder, l, start,
                  mlir::arith::MulIOp::create(builder, l, k, step))};
            }};
  }
  Type iterType = typeOf(iter);
  if (iterType.is(Type::Kind::Tuple)) {
    // Element k of a tuple whose elements have one type: a select among
    // the elements' values.
    Values values = genValues(iter);
    return {constInt(iterType.getElements().size(), l), [=](mlir::Value k) {
              return selectTupleElement(values, iterType, k, l);
            }};
  }
  mlir::Value iterable = gen(iter);
  if (iterType.is(Type::Kind::Str)) {
    // Each code point as a str of its own.
    mlir::Value length =
        mlir::nm::StrLenOp::create(builder, l, builder.getI64Type(), iterable);
    return {length, [=](mlir::Value k) {
              return Values{mlir::nm::StrMethodOp::create(
                  builder, l, mlir::nm::StrType::get(&context),
                  mlir::nm::StrMethod::getitem, mlir::ValueRange{iterable, k})};
            }};
  }
  mlir::Type elementType = storageType(iterType.getElement());
  if (iterType.is(Type::Kind::List)) {
    mlir::Value length = listLength(iterable, mlir::nm::ListLenUse::iter, l);
    return {length, [=](mlir::Value k) {
              return Values{mlir::nm::ListGetOp::create(builder, l, elementType,
                                                        iterable, k)};
            }};
  }
  // An array: its elements, or for N-d its rows (views).
  mlir::Value length =
      fromIndex(mlir::memref::DimOp::create(builder, l, iterable, 0), l);
  if (llvm::cast<mlir::MemRefType>(iterable.getType()).getRank() > 1)
    return {length,
            [=](mlir::Value k) { return Values{arrayRow(iterable, k, l)}; }};
  return {length, [=](mlir::Value k) {
            return Values{mlir::memref::LoadOp::create(
                builder, l, iterable, mlir::ValueRange{toIndex(k, l)})};
          }};
}

void MLIRGenerator::genFor(const For &forStmt) {
  // The iterable is evaluated once, before the loop, as in Python; each
  // iteration binds the target to the next element (a tuple for
  // enumerate() and zip(), which a tuple target unpacks).
  Sequence sequence = genSequence(*forStmt.iter);
  Type elementType = typeOf(*forStmt.target);
  genCountedLoop(
      loc(forStmt.getLoc()), sequence.length,
      [&](mlir::Value k) {
        genAssignTarget(*forStmt.target, sequence.element(k), elementType,
                        forStmt.getLoc());
        genBody(forStmt.body);
      },
      forStmt.orelse);
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

void MLIRGenerator::genRaise(const Raise &raise) {
  mlir::Location l = loc(raise.getLoc());
  const auto *call = dyn_cast<Call>(raise.exc.get());
  const Expr &cls = call ? *call->func : *raise.exc;
  sema::BuiltinId id = typeOf(cls).getBuiltin();
  const Expr *arg =
      call && !call->args.empty() ? call->args.front().get() : nullptr;
  if (id == sema::BuiltinId::ExcSystemExit) {
    genExit(arg, l);
  } else {
    mlir::Value text = arg ? gen(*arg) : mlir::Value();
    mlir::nm::RaiseOp::create(builder, l, sema::getBuiltin(id).name, "", text);
  }
  endBlockAfterNoReturn(l);
}

void MLIRGenerator::genExit(const Expr *arg, mlir::Location l) {
  // Python's codes: None exits with 0, True with 1, a str prints itself
  // and exits with 1.
  Type t = arg ? typeOf(*arg) : Type::none();
  mlir::Value value = t.is(Type::Kind::None)  ? constInt(0, l)
                      : t.is(Type::Kind::Str) ? gen(*arg)
                                              : genAs(*arg, Type::integer());
  mlir::nm::ExitOp::create(builder, l, value);
}

void MLIRGenerator::endBlockAfterNoReturn(mlir::Location l) {
  // The runtime function does not return; what follows in the source is
  // dead, as after a `return`.
  mlir::ub::UnreachableOp::create(builder, l);
  startUnreachableBlock();
}

mlir::OwningOpRef<mlir::ModuleOp>
nmc::generateMLIR(mlir::MLIRContext &context, const sema::Program &program,
                  DiagnosticEngine &diags, const MLIRGenOptions &options) {
  return MLIRGenerator(context, program, diags, options).run();
}
