//===- MLIRGenCalls.cpp - Calls and builtins to MLIR ----------------------===//
//
// User function calls, print, math and NumPy functions, and mpi4py calls,
// which become nm ops.
//
//===----------------------------------------------------------------------===//

#include "MLIRGenerator.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

#include <cmath>
#include <limits>

using namespace nmc;
using namespace nmc::mlirgen;

mlir::Value MLIRGenerator::genCall(const Call &call) {
  if (instance->callees.count(&call)) {
    Values results = callFunction(call);
    return results.size() == 1 ? results[0] : mlir::Value();
  }
  Type calleeType = typeOf(*call.func);
  return genBuiltinCall(call, calleeType.getBuiltin());
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
                                          sema::BuiltinId id) {
  using sema::BuiltinId;
  mlir::Location l = loc(call.getLoc());
  switch (id) {
  case BuiltinId::Print:
    genPrint(call);
    return {};
  case BuiltinId::Len: {
    Type t = typeOf(*call.args[0]);
    if (t.is(Type::Kind::Tuple))
      return constInt(t.getElements().size(), l);
    mlir::Value v = gen(*call.args[0]);
    if (t.is(Type::Kind::Str))
      return mlir::nm::StrLenOp::create(builder, l, builder.getI64Type(), v);
    if (t.is(Type::Kind::List))
      return listLength(v, mlir::nm::ListLenUse::len, l);
    return fromIndex(mlir::memref::DimOp::create(builder, l, v, 0), l);
  }
  case BuiltinId::Min:
  case BuiltinId::Max:
    // min(xs) / max(xs) of a list or an array.
    if (call.args.size() == 1)
      return genLibraryFunctionCall(call, id);
    return genMathCall(call, id);
  case BuiltinId::Abs:
  case BuiltinId::Int:
  case BuiltinId::Float:
  case BuiltinId::Bool:
  case BuiltinId::Round:
  case BuiltinId::MathSqrt:
  case BuiltinId::MathExp:
  case BuiltinId::MathLog:
  case BuiltinId::MathLog10:
  case BuiltinId::MathSin:
  case BuiltinId::MathCos:
  case BuiltinId::MathTan:
  case BuiltinId::MathFabs:
  case BuiltinId::MathFloor:
  case BuiltinId::MathCeil:
  case BuiltinId::MathIsnan:
  case BuiltinId::MathIsinf:
  case BuiltinId::MathAtan2:
  case BuiltinId::MathHypot:
  case BuiltinId::MathPow:
  case BuiltinId::MathLog2:
  case BuiltinId::MathCopysign:
  case BuiltinId::NumpySqrt:
  case BuiltinId::NumpyExp:
  case BuiltinId::NumpyLog:
  case BuiltinId::NumpySin:
  case BuiltinId::NumpyCos:
  case BuiltinId::NumpyTan:
  case BuiltinId::NumpyAbs:
  case BuiltinId::NumpyFloat64:
  case BuiltinId::NumpyDouble:
    return genMathCall(call, id);
  case BuiltinId::StreamWrite:
  case BuiltinId::StreamFlush:
    return genStreamCall(call, id);
  case BuiltinId::StrJoin:
  case BuiltinId::StrSplit:
  case BuiltinId::StrUpper:
  case BuiltinId::StrLower:
  case BuiltinId::StrStrip:
  case BuiltinId::StrLstrip:
  case BuiltinId::StrRstrip:
  case BuiltinId::StrStartswith:
  case BuiltinId::StrEndswith:
  case BuiltinId::StrReplace:
    return genStrMethod(call, id);
  case BuiltinId::StrFormat:
    return genStrFormat(call);
  case BuiltinId::ListAppend:
  case BuiltinId::ListPop:
  case BuiltinId::ListExtend:
  case BuiltinId::ListInsert:
  case BuiltinId::ListIndex:
  case BuiltinId::ListCount:
  case BuiltinId::ListRemove:
  case BuiltinId::ListReverse:
  case BuiltinId::ListCopy:
  case BuiltinId::ListClear:
  case BuiltinId::ListSort:
    return genListMethod(call, id);
  case BuiltinId::List:
    return genToList(call);
  case BuiltinId::Sorted: {
    mlir::Value list = genToList(call);
    genSort(list, call);
    return list;
  }
  case BuiltinId::Str:
  case BuiltinId::Repr:
  case BuiltinId::Format:
    if (call.args.empty())
      return stringConstant("", l);
    // repr() is the !r conversion; format(x, spec) a field with a spec.
    return genFormatted(*call.args[0], id == BuiltinId::Repr ? 'r' : 0,
                        call.args.size() == 2 ? call.args[1].get() : nullptr);
  case BuiltinId::Pow:
  case BuiltinId::MathGcd:
  case BuiltinId::MathFactorial:
  case BuiltinId::MathIsclose:
  case BuiltinId::MathFsum:
  case BuiltinId::Sum:
    return genLibraryFunctionCall(call, id);
  case BuiltinId::NumpySum:
  case BuiltinId::NumpyProd:
  case BuiltinId::NumpyMin:
  case BuiltinId::NumpyMax:
  case BuiltinId::NumpyMean:
  case BuiltinId::ArraySum:
  case BuiltinId::ArrayProd:
  case BuiltinId::ArrayMin:
  case BuiltinId::ArrayMax:
  case BuiltinId::ArrayMean:
    return genReductionCall(call, id);
  case BuiltinId::NumpyArange:
  case BuiltinId::NumpyLinspace:
    return genArrayRange(call, id);
  case BuiltinId::NumpyCopy:
  case BuiltinId::ArrayCopy:
  case BuiltinId::ArrayFill:
    return genArrayMethod(call, id);
  case BuiltinId::NumpyEmpty:
  case BuiltinId::NumpyZeros:
  case BuiltinId::NumpyOnes:
  case BuiltinId::NumpyFull:
  case BuiltinId::NumpyZerosLike:
  case BuiltinId::NumpyOnesLike:
  case BuiltinId::NumpyEmptyLike:
  case BuiltinId::NumpyFullLike:
    return genArrayConstructor(call, id);
  case BuiltinId::Wtime:
    return mlir::nm::WtimeOp::create(builder, l, builder.getF64Type());
  case BuiltinId::TimeTime:
  case BuiltinId::TimePerfCounter:
    return mlir::nm::ClockOp::create(
        builder, l, builder.getF64Type(),
        mlir::nm::ClockKindAttr::get(&context,
                                     id == BuiltinId::TimeTime
                                         ? mlir::nm::ClockKind::time
                                         : mlir::nm::ClockKind::perf_counter));
  case BuiltinId::TimeSleep:
    mlir::nm::SleepOp::create(builder, l,
                              genAs(*call.args[0], Type::floating()));
    return {};
  case BuiltinId::SysExit:
    genExit(call.args.empty() ? nullptr : call.args[0].get(), l);
    endBlockAfterNoReturn(l);
    return {};
  case BuiltinId::CommGetRank:
  case BuiltinId::CommGetSize:
  case BuiltinId::CommBarrier:
  case BuiltinId::CommBarrierBuffer:
  case BuiltinId::CommGather:
  case BuiltinId::CommAllgather:
  case BuiltinId::CommBcast:
  case BuiltinId::CommAllreduce:
  case BuiltinId::CommScan:
    return genCommCall(call, id);
  // Type inference rejects calls of these (exception classes are called
  // only in `raise`, which genRaise handles).
  case BuiltinId::ExcException:
  case BuiltinId::ExcArithmeticError:
  case BuiltinId::ExcAssertionError:
  case BuiltinId::ExcFloatingPointError:
  case BuiltinId::ExcIndexError:
  case BuiltinId::ExcImportError:
  case BuiltinId::ExcModuleNotFoundError:
  case BuiltinId::ExcLookupError:
  case BuiltinId::ExcMemoryError:
  case BuiltinId::ExcNotImplementedError:
  case BuiltinId::ExcOverflowError:
  case BuiltinId::ExcRuntimeError:
  case BuiltinId::ExcTypeError:
  case BuiltinId::ExcValueError:
  case BuiltinId::ExcZeroDivisionError:
  case BuiltinId::ExcSystemExit:
  case BuiltinId::Range:
  case BuiltinId::Enumerate:
  case BuiltinId::Zip:
  case BuiltinId::Reversed:
  case BuiltinId::NumbaPrange:
  case BuiltinId::NumbaNjit:
  case BuiltinId::NumbaJit:
  case BuiltinId::NumpyFloat32:
  case BuiltinId::NumpyInt64:
  case BuiltinId::NumpyInt32:
  case BuiltinId::NumpyIntP:
  case BuiltinId::NumpyBool:
  case BuiltinId::NumpyComplex128:
  case BuiltinId::MathPi:
  case BuiltinId::MathE:
  case BuiltinId::MathInf:
  case BuiltinId::MathNan:
  case BuiltinId::SysArgv:
  case BuiltinId::SysStdout:
  case BuiltinId::SysStderr:
  case BuiltinId::NumpyPi:
  case BuiltinId::NumpyE:
  case BuiltinId::NumpyInf:
  case BuiltinId::NumpyNan:
  case BuiltinId::Mpi4pyMPI:
  case BuiltinId::CommWorld:
  case BuiltinId::OpSum:
  case BuiltinId::OpProd:
  case BuiltinId::OpMax:
  case BuiltinId::OpMin:
  case BuiltinId::OpLand:
  case BuiltinId::OpLor:
  case BuiltinId::CommRank:
  case BuiltinId::CommSize:
  case BuiltinId::ArrayShape:
  case BuiltinId::ArrayTranspose:
  case BuiltinId::ArraySize:
  case BuiltinId::ArrayNdim:
  // A tuple: genValues calls genDivmod.
  case BuiltinId::Divmod:
    break;
  }
  return error(call.getLoc(),
               "internal error: no code generation for a "
               "call of '" +
                   sema::qualifiedName(id) + "'",
               storageType(typeOf(call)));
}

void MLIRGenerator::genPrint(const Call &call) {
  mlir::Location l = loc(call.getLoc());
  std::string sep = " ", end = "\n";
  const Expr *flush = nullptr;
  bool toStderr = false;
  for (const Keyword &kw : call.keywords) {
    if (kw.name == "flush")
      flush = kw.value.get();
    else if (kw.name == "file")
      toStderr = typeOf(*kw.value).getBuiltin() == sema::BuiltinId::SysStderr;
    else
      (kw.name == "sep" ? sep : end) = cast<StrLit>(*kw.value).value;
  }
  // Python evaluates every argument before it writes anything: a call
  // that prints, or raises, inside an argument comes first.
  llvm::SmallVector<Values> arguments;
  for (const ExprPtr &arg : call.args)
    arguments.push_back(genValues(*arg));
  mlir::Value flushValue = flush ? genAs(*flush, Type::boolean()) : nullptr;
  if (toStderr) {
    // One string, written at once: str() of each value, sep and end.
    auto strType = mlir::nm::StrType::get(&context);
    llvm::SmallVector<mlir::Value> pieces;
    for (size_t i = 0; i < call.args.size(); ++i) {
      if (i)
        pieces.push_back(stringConstant(sep, l));
      pieces.push_back(
          genStrOf(arguments[i], typeOf(*call.args[i]), /*repr=*/false, l));
    }
    pieces.push_back(stringConstant(end, l));
    mlir::Value line =
        pieces.size() == 1
            ? pieces[0]
            : mlir::nm::StrConcatOp::create(builder, l, strType, pieces);
    mlir::nm::WriteOp::create(builder, l, line, builder.getUnitAttr());
  } else {
    for (size_t i = 0; i < call.args.size(); ++i) {
      if (i)
        printText(sep, l);
      const Expr &arg = *call.args[i];
      printValues(l, arguments[i], typeOf(arg), arg.getLoc());
    }
    printText(end, l);
  }
  if (flushValue)
    genIf(flushValue, l, [&] {
      mlir::nm::FlushOp::create(builder, l,
                                toStderr ? builder.getUnitAttr() : nullptr);
    });
}

mlir::Value MLIRGenerator::genStrMethod(const Call &call, sema::BuiltinId id) {
  using mlir::nm::StrMethod;
  using sema::BuiltinId;
  mlir::Location l = loc(call.getLoc());
  const auto &args = instance->boundArgs.lookup(&call);
  // The receiver, then the arguments in source order (keywords of split
  // come after its positional ones, as they are written).
  llvm::SmallVector<mlir::Value> operands{
      gen(*cast<Attribute>(*call.func).value)};
  auto present = [&](size_t i) {
    return i < args.size() && args[i] && !typeOf(*args[i]).is(Type::Kind::None);
  };
  auto optionalInt = [&](size_t i) {
    return i < args.size() && args[i] ? genAs(*args[i], Type::integer())
                                      : constInt(-1, l);
  };
  StrMethod method;
  mlir::Type result = mlir::nm::StrType::get(&context);
  switch (id) {
  case BuiltinId::StrUpper:
    method = StrMethod::upper;
    break;
  case BuiltinId::StrLower:
    method = StrMethod::lower;
    break;
  case BuiltinId::StrStrip:
  case BuiltinId::StrLstrip:
  case BuiltinId::StrRstrip:
    method = id == BuiltinId::StrStrip    ? StrMethod::strip
             : id == BuiltinId::StrLstrip ? StrMethod::lstrip
                                          : StrMethod::rstrip;
    if (present(0))
      operands.push_back(gen(*args[0]));
    else if (!args.empty())
      gen(*args[0]); // None, evaluated for its effects
    break;
  case BuiltinId::StrStartswith:
  case BuiltinId::StrEndswith:
    method = id == BuiltinId::StrStartswith ? StrMethod::startswith
                                            : StrMethod::endswith;
    operands.push_back(gen(*args[0]));
    result = builder.getI1Type();
    break;
  case BuiltinId::StrReplace:
    method = StrMethod::replace;
    operands.push_back(gen(*args[0]));
    operands.push_back(gen(*args[1]));
    operands.push_back(optionalInt(2));
    break;
  case BuiltinId::StrSplit:
    method = StrMethod::split;
    if (present(0))
      operands.push_back(gen(*args[0]));
    else if (!args.empty() && args[0])
      gen(*args[0]);
    operands.push_back(optionalInt(1));
    result = storageType(Type::list(Type::string()));
    break;
  case BuiltinId::StrJoin:
    method = StrMethod::join;
    operands.push_back(gen(*args[0]));
    break;
  default:
    return error(call.getLoc(), "internal error: not a str method",
                 builder.getI64Type());
  }
  return mlir::nm::StrMethodOp::create(builder, l, result, method, operands);
}

mlir::Value MLIRGenerator::genStreamCall(const Call &call, sema::BuiltinId id) {
  mlir::Location l = loc(call.getLoc());
  // The stream is the value the method was read from: sys.stderr.write.
  const Expr &stream = *cast<Attribute>(*call.func).value;
  mlir::UnitAttr toStderr =
      typeOf(stream).getBuiltin() == sema::BuiltinId::SysStderr
          ? builder.getUnitAttr()
          : nullptr;
  if (id == sema::BuiltinId::StreamFlush) {
    mlir::nm::FlushOp::create(builder, l, toStderr);
    return {};
  }
  // write() returns the number of characters written.
  mlir::Value text = gen(*call.args[0]);
  mlir::Value length =
      mlir::nm::StrLenOp::create(builder, l, builder.getI64Type(), text);
  mlir::nm::WriteOp::create(builder, l, text, toStderr);
  return length;
}

void MLIRGenerator::printText(llvm::StringRef text, mlir::Location l) {
  if (!text.empty())
    mlir::nm::PrintOp::create(builder, l, stringConstant(text, l));
}

void MLIRGenerator::printValues(mlir::Location l, const Values &values,
                                const Type &t, SourceLoc at) {
  switch (t.getKind()) {
  case Type::Kind::Int:
  case Type::Kind::Float:
  case Type::Kind::Bool:
  case Type::Kind::Str:
  case Type::Kind::List:
    mlir::nm::PrintOp::create(builder, l, values[0]);
    return;
  case Type::Kind::None:
    printText("None", l);
    return;
  case Type::Kind::Tuple: {
    // (1, 2.5), and (1,) for one element, as Python prints tuples; the
    // strings inside are quoted, as repr() does.
    size_t n = t.getElements().size();
    printText("(", l);
    for (size_t i = 0; i < n; ++i) {
      if (i)
        printText(", ", l);
      Values element = tupleElement(values, t, i);
      if (t.getElements()[i].is(Type::Kind::Str))
        element[0] = mlir::nm::ReprOp::create(
            builder, l, mlir::nm::StrType::get(&context), element[0]);
      printValues(l, element, t.getElements()[i], at);
    }
    printText(n == 1 ? ",)" : ")", l);
    return;
  }
  default:
    error(at, "printing " + t.str() + " is not supported yet");
  }
}

mlir::Value MLIRGenerator::genCommCall(const Call &call, sema::BuiltinId id) {
  using sema::BuiltinId;
  mlir::Location l = loc(call.getLoc());
  mlir::Value comm = commWorld(l);
  switch (id) {
  case BuiltinId::CommGetRank:
    return mlir::nm::RankOp::create(builder, l, builder.getI64Type(), comm);
  case BuiltinId::CommGetSize:
    return mlir::nm::SizeOp::create(builder, l, builder.getI64Type(), comm);
  case BuiltinId::CommBarrier:
  case BuiltinId::CommBarrierBuffer:
    mlir::nm::BarrierOp::create(builder, l, comm);
    return {};
  default:
    break;
  }
  // (value, root or op) as type inference bound them.
  const auto &bound = instance->boundArgs.lookup(&call);
  mlir::Value value = gen(*bound[0]);
  auto root = [&] {
    return bound[1] ? genAs(*bound[1], Type::integer()) : constInt(0, l);
  };
  switch (id) {
  case BuiltinId::CommGather:
    return mlir::nm::GatherOp::create(
        builder, l, mlir::nm::ListType::get(&context, value.getType()), comm,
        value, root());
  case BuiltinId::CommBcast:
    return mlir::nm::BcastOp::create(builder, l, value.getType(), comm, value,
                                     root());
  case BuiltinId::CommAllgather:
    return mlir::nm::AllgatherOp::create(
        builder, l, mlir::nm::ListType::get(&context, value.getType()), comm,
        value);
  case BuiltinId::CommAllreduce:
    return mlir::nm::AllreduceOp::create(builder, l, value.getType(), comm,
                                         value, reduceKindOf(bound[1]));
  case BuiltinId::CommScan:
    return mlir::nm::ScanOp::create(builder, l, value.getType(), comm, value,
                                    reduceKindOf(bound[1]));
  default:
    return error(call.getLoc(),
                 "internal error: '" + sema::qualifiedName(id) +
                     "' is not a collective",
                 value.getType());
  }
}

mlir::nm::ReduceKindAttr MLIRGenerator::reduceKindOf(const Expr *op) {
  // MPI.SUM when the call names no operator.
  sema::BuiltinId id = op ? typeOf(*op).getBuiltin() : sema::BuiltinId::OpSum;
  return mlir::nm::ReduceKindAttr::get(&context, reduceKind(id));
}

mlir::nm::ReduceKind MLIRGenerator::reduceKind(sema::BuiltinId op) {
  using sema::BuiltinId;
  switch (op) {
  case BuiltinId::OpSum:
    return mlir::nm::ReduceKind::sum;
  case BuiltinId::OpProd:
    return mlir::nm::ReduceKind::prod;
  case BuiltinId::OpMax:
    return mlir::nm::ReduceKind::max;
  case BuiltinId::OpMin:
    return mlir::nm::ReduceKind::min;
  case BuiltinId::OpLand:
    return mlir::nm::ReduceKind::land;
  case BuiltinId::OpLor:
    return mlir::nm::ReduceKind::lor;
  default:
    llvm_unreachable("type inference accepts only reduction operators");
  }
}

mlir::Value MLIRGenerator::genMathCall(const Call &call, sema::BuiltinId id) {
  using sema::BuiltinId;
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
  // round, floor and ceil of an int are that int; through a float they
  // would lose digits beyond 2^53.
  bool intArgument = !args.empty() && !argTypes[0].is(Type::Kind::Float);
  auto library = [&](mlir::nm::LibraryFunction function,
                     mlir::ValueRange operands) -> mlir::Value {
    return mlir::nm::LibraryCallOp::create(
        builder, l, storageType(resultType),
        mlir::nm::LibraryFunctionAttr::get(&context, function), operands);
  };
  switch (id) {
  case BuiltinId::Int:
  case BuiltinId::Float:
    if (argTypes[0].is(Type::Kind::Str))
      return library(id == BuiltinId::Int
                         ? mlir::nm::LibraryFunction::int_from_str
                         : mlir::nm::LibraryFunction::float_from_str,
                     args[0]);
    return asResult(0);
  case BuiltinId::Bool:
  case BuiltinId::NumpyFloat64:
  case BuiltinId::NumpyDouble:
    return asResult(0);
  case BuiltinId::Abs:
  case BuiltinId::NumpyAbs:
    if (resultType.is(Type::Kind::Int))
      return mlir::math::AbsIOp::create(builder, l, asResult(0));
    return mlir::math::AbsFOp::create(builder, l, asResult(0), fm);
  case BuiltinId::Min:
  case BuiltinId::Max:
    return genMinMax(id == BuiltinId::Min, args, argTypes, resultType,
                     call.getLoc());
  case BuiltinId::Round:
    if (args.size() == 2 && !argTypes[1].is(Type::Kind::None)) {
      mlir::Value ndigits =
          convert(args[1], argTypes[1], Type::integer(), call.getLoc());
      if (resultType.is(Type::Kind::Int))
        return library(mlir::nm::LibraryFunction::round_int_digits,
                       {asResult(0), ndigits});
      return library(insideNjit()
                         ? mlir::nm::LibraryFunction::round_digits_numba
                         : mlir::nm::LibraryFunction::round_digits,
                     {asFloat(0), ndigits});
    }
    if (intArgument)
      return asResult(0);
    return floatToInt(
        mlir::math::RoundEvenOp::create(builder, l, asFloat(0), fm),
        call.getLoc());
  case BuiltinId::MathFloor:
    if (intArgument)
      return asResult(0);
    return floatToInt(mlir::math::FloorOp::create(builder, l, asFloat(0), fm),
                      call.getLoc());
  case BuiltinId::MathCeil:
    if (intArgument)
      return asResult(0);
    return floatToInt(mlir::math::CeilOp::create(builder, l, asFloat(0), fm),
                      call.getLoc());
  case BuiltinId::MathIsnan: {
    mlir::Value x = asFloat(0);
    return mlir::arith::CmpFOp::create(builder, l,
                                       mlir::arith::CmpFPredicate::UNO, x, x);
  }
  case BuiltinId::MathIsinf: {
    mlir::Value x = mlir::math::AbsFOp::create(builder, l, asFloat(0));
    return mlir::arith::CmpFOp::create(builder, l,
                                       mlir::arith::CmpFPredicate::OEQ, x,
                                       constFloat(INFINITY, l));
  }
  case BuiltinId::MathPow:
    return mlir::math::PowFOp::create(builder, l, asFloat(0), asFloat(1), fm);
  case BuiltinId::MathAtan2:
    // Not math.atan2: MLIR 22 folds it to NaN when both operands are
    // constant zeros, where libm (and Python) gives 0.0, -0.0, pi or -pi.
    return callLibm("atan2", {asFloat(0), asFloat(1)}, l);
  case BuiltinId::MathHypot:
    return callLibm("hypot", {asFloat(0), asFloat(1)}, l);
  case BuiltinId::MathTan:
  case BuiltinId::NumpyTan:
    return mlir::math::TanOp::create(builder, l, asFloat(0), fm);
  case BuiltinId::MathSqrt:
  case BuiltinId::NumpySqrt:
    return mlir::math::SqrtOp::create(builder, l, asFloat(0), fm);
  case BuiltinId::MathExp:
  case BuiltinId::NumpyExp:
    return mlir::math::ExpOp::create(builder, l, asFloat(0), fm);
  case BuiltinId::MathLog:
  case BuiltinId::NumpyLog:
    return mlir::math::LogOp::create(builder, l, asFloat(0), fm);
  case BuiltinId::MathLog10:
    return mlir::math::Log10Op::create(builder, l, asFloat(0), fm);
  case BuiltinId::MathLog2:
    return mlir::math::Log2Op::create(builder, l, asFloat(0), fm);
  case BuiltinId::MathCopysign:
    return mlir::math::CopySignOp::create(builder, l, asFloat(0), asFloat(1),
                                          fm);
  case BuiltinId::MathSin:
  case BuiltinId::NumpySin:
    return mlir::math::SinOp::create(builder, l, asFloat(0), fm);
  case BuiltinId::MathCos:
  case BuiltinId::NumpyCos:
    return mlir::math::CosOp::create(builder, l, asFloat(0), fm);
  case BuiltinId::MathFabs:
    return mlir::math::AbsFOp::create(builder, l, asFloat(0), fm);
  default:
    return error(call.getLoc(),
                 "internal error: '" + sema::qualifiedName(id) +
                     "' is not a function of numbers",
                 storageType(resultType));
  }
}

mlir::Value MLIRGenerator::genLibraryFunctionCall(const Call &call,
                                                  sema::BuiltinId id) {
  using mlir::nm::LibraryFunction;
  using sema::BuiltinId;
  mlir::Location l = loc(call.getLoc());
  Type resultType = typeOf(call);
  auto library = [&](LibraryFunction function, mlir::ValueRange operands) {
    return mlir::nm::LibraryCallOp::create(
               builder, l, storageType(resultType),
               mlir::nm::LibraryFunctionAttr::get(&context, function), operands)
        .getResult();
  };
  auto argAs = [&](const Expr *arg, const Type &to) { return genAs(*arg, to); };
  // sum/min/max of an int or bool array: one loop; of floats, Python's
  // order and NaN rules in the runtime.
  bool ofIntegers =
      (id == BuiltinId::Sum || id == BuiltinId::Min || id == BuiltinId::Max) &&
      typeOf(*call.args[0]).is(Type::Kind::Array) &&
      !typeOf(*call.args[0]).getElement().is(Type::Kind::Float);
  if (ofIntegers)
    return genReductionCall(call, id);
  switch (id) {
  case BuiltinId::Pow: {
    if (call.args.size() == 2) {
      mlir::Value a = gen(*call.args[0]), b = gen(*call.args[1]);
      return genBinary(BinOpKind::Pow, a, typeOf(*call.args[0]), b,
                       typeOf(*call.args[1]), resultType, call.getLoc());
    }
    llvm::SmallVector<mlir::Value> operands;
    for (const ExprPtr &arg : call.args)
      operands.push_back(argAs(arg.get(), Type::integer()));
    return library(LibraryFunction::pow_mod, operands);
  }
  case BuiltinId::MathGcd: {
    // gcd() is 0 and gcd(a) is |a|: gcd(a, 0).
    llvm::SmallVector<mlir::Value> operands;
    for (const ExprPtr &arg : call.args)
      operands.push_back(argAs(arg.get(), Type::integer()));
    mlir::Value result = operands.empty() ? constInt(0, l) : operands[0];
    if (operands.size() == 1)
      return library(LibraryFunction::gcd, {result, constInt(0, l)});
    for (size_t i = 1; i < operands.size(); ++i)
      result = library(LibraryFunction::gcd, {result, operands[i]});
    return result;
  }
  case BuiltinId::MathFactorial:
    return library(LibraryFunction::factorial,
                   argAs(call.args[0].get(), Type::integer()));
  case BuiltinId::MathFsum:
    return library(LibraryFunction::fsum, gen(*call.args[0]));
  case BuiltinId::Sum:
    return library(LibraryFunction::sum, gen(*call.args[0]));
  case BuiltinId::Min:
    return library(LibraryFunction::min, gen(*call.args[0]));
  case BuiltinId::Max:
    return library(LibraryFunction::max, gen(*call.args[0]));
  case BuiltinId::MathIsclose: {
    // Python's defaults: rel_tol=1e-09, abs_tol=0.0.
    // Arguments are evaluated in source order, keywords included.
    llvm::DenseMap<const Expr *, mlir::Value> evaluated;
    for (const ExprPtr &arg : call.args)
      evaluated[arg.get()] = argAs(arg.get(), Type::floating());
    for (const Keyword &kw : call.keywords)
      evaluated[kw.value.get()] = argAs(kw.value.get(), Type::floating());
    const auto &bound = instance->boundArgs.lookup(&call);
    const double defaults[] = {0.0, 0.0, 1e-09, 0.0};
    llvm::SmallVector<mlir::Value> operands;
    for (size_t i = 0; i < bound.size(); ++i)
      operands.push_back(bound[i] ? evaluated.lookup(bound[i])
                                  : constFloat(defaults[i], l));
    return library(LibraryFunction::isclose, operands);
  }
  default:
    return error(call.getLoc(),
                 "internal error: '" + sema::qualifiedName(id) +
                     "' is not a library function",
                 storageType(resultType));
  }
}

Values MLIRGenerator::genDivmod(const Call &call) {
  // divmod(a, b) is (a // b, a % b) with one check of b, whose message is
  // divmod's own for floats.
  Type quotientType = typeOf(call).getElements()[0];
  Type lhsType = typeOf(*call.args[0]), rhsType = typeOf(*call.args[1]);
  mlir::Value a = gen(*call.args[0]), b = gen(*call.args[1]);
  if (quotientType.is(Type::Kind::Float)) {
    mlir::Location l = loc(call.getLoc());
    raiseIf(mlir::arith::CmpFOp::create(
                builder, l, mlir::arith::CmpFPredicate::OEQ,
                convert(b, rhsType, quotientType, call.getLoc()),
                constFloat(0.0, l)),
            "ZeroDivisionError", "float divmod()", call.getLoc());
  }
  mlir::Value quotient = genBinary(BinOpKind::FloorDiv, a, lhsType, b, rhsType,
                                   quotientType, call.getLoc());
  mlir::Value remainder = genBinary(BinOpKind::Mod, a, lhsType, b, rhsType,
                                    quotientType, call.getLoc());
  return {quotient, remainder};
}

mlir::Value MLIRGenerator::callLibm(llvm::StringRef name, mlir::ValueRange args,
                                    mlir::Location l) {
  // The C library's double functions that the math dialect lacks.
  mlir::func::FuncOp callee = module.lookupSymbol<mlir::func::FuncOp>(name);
  if (!callee) {
    mlir::OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToStart(module.getBody());
    llvm::SmallVector<mlir::Type> params(args.size(), builder.getF64Type());
    callee = mlir::func::FuncOp::create(
        builder, l, name,
        builder.getFunctionType(params, {builder.getF64Type()}));
    callee.setPrivate();
  }
  return mlir::func::CallOp::create(builder, l, callee, args).getResult(0);
}

mlir::Value MLIRGenerator::genMinMax(bool isMin,
                                     llvm::ArrayRef<mlir::Value> args,
                                     llvm::ArrayRef<Type> argTypes,
                                     const Type &resultType, SourceLoc at) {
  // Python keeps the first of equal values and compares with < / >, so
  // NaN handling follows the order of the arguments.
  mlir::Location l = loc(at);
  mlir::Value result = convert(args[0], argTypes[0], resultType, at);
  for (size_t i = 1; i < args.size(); ++i) {
    mlir::Value next = convert(args[i], argTypes[i], resultType, at);
    mlir::Value better;
    if (resultType.is(Type::Kind::Float))
      better =
          mlir::arith::CmpFOp::create(builder, l,
                                      isMin ? mlir::arith::CmpFPredicate::OLT
                                            : mlir::arith::CmpFPredicate::OGT,
                                      next, result);
    else if (resultType.is(Type::Kind::Bool))
      // i1 read as signed would make True less than False.
      better =
          mlir::arith::CmpIOp::create(builder, l,
                                      isMin ? mlir::arith::CmpIPredicate::ult
                                            : mlir::arith::CmpIPredicate::ugt,
                                      next, result);
    else
      better =
          mlir::arith::CmpIOp::create(builder, l,
                                      isMin ? mlir::arith::CmpIPredicate::slt
                                            : mlir::arith::CmpIPredicate::sgt,
                                      next, result);
    result = mlir::arith::SelectOp::create(builder, l, better, next, result);
  }
  return result;
}
