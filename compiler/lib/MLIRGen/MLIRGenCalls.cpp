//===- MLIRGenCalls.cpp - Calls and builtins to MLIR ----------------------===//
//
// User function calls, print, math and NumPy functions, and mpi4py calls,
// which become nm ops.
//
//===----------------------------------------------------------------------===//

#include "MLIRGenerator.h"

#include "nmc/Support/RuntimeFunctions.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

#include <cmath>

using namespace nmc;
using namespace nmc::mlirgen;

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
      nmc::callRuntime(builder, l, "nmrt_print_str", {},
                       {stringConstant(sep, l)});
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
                     {mlir::arith::ExtUIOp::create(
                         builder, l, builder.getI8Type(), values[0])});
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
    nmc::callRuntime(builder, l, "nmrt_print_str", {},
                     {stringConstant("(", l)});
    for (size_t i = 0; i < n; ++i) {
      if (i)
        nmc::callRuntime(builder, l, "nmrt_print_str", {},
                         {stringConstant(", ", l)});
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
  if (name == "comm.bcast") {
    const Expr *rootExpr = bound[1];
    mlir::Value root =
        rootExpr ? genAs(*rootExpr, Type::integer()) : constInt(0, l);
    return mlir::nm::BcastOp::create(builder, l, value.getType(), comm, value,
                                     root);
  }
  if (name == "comm.allgather") {
    auto listType = mlir::nm::ListType::get(&context, value.getType());
    return mlir::nm::AllgatherOp::create(builder, l, listType, comm, value);
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
    genIndexLoop(n, l, [&](mlir::OpBuilder &b, mlir::Value i) {
      mlir::memref::StoreOp::create(b, l, fill, buffer, mlir::ValueRange{i});
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
    return nmc::callRuntime(builder, l, llvm::StringRef(name).drop_front(5),
                            {f64}, {asFloat(0), asFloat(1)});
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
