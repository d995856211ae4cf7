//===- LibrarySignatures.cpp - Calls and their signatures
//-------------------===//
//
// How calls are typed: user functions (argument binding, specialisation),
// Python's builtins, math, NumPy and mpi4py, following the typing rule each
// entry of Builtins.def names.
//
//===----------------------------------------------------------------------===//

#include "InferenceWalker.h"

#include "llvm/ADT/STLExtras.h"

using namespace nmc;
using namespace nmc::sema;
using namespace nmc::sema::detail;

/// Whether print() writes values of `t` as Python does.
static bool isPrintable(const Type &t) {
  switch (t.getKind()) {
  case Type::Kind::None:
  case Type::Kind::Bool:
  case Type::Kind::Int:
  case Type::Kind::Float:
  case Type::Kind::List:
  case Type::Kind::Str:
    return true;
  case Type::Kind::Tuple:
    return llvm::all_of(t.getElements(), [](const Type &element) {
      return isPrintable(element);
    });
  default:
    return false;
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
  if (info.rule == BuiltinRule::Argv && insideNjit()) {
    fail(loc, "sys.argv is not supported inside an @njit function (Numba "
              "rejects it)");
    return std::nullopt;
  }
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
  case BuiltinRule::TransposeAttribute:
    return value;
  case BuiltinRule::Argv:
    return Type::list(Type::string());
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
  case BuiltinRule::Ufunc:
  case BuiltinRule::IntOfNumber:
  case BuiltinRule::BoolOfNumber:
  case BuiltinRule::FloatOfTwoNumbers:
  case BuiltinRule::FloatOfNothing:
  case BuiltinRule::IntOfNothing:
  case BuiltinRule::ArrayConstructor:
  case BuiltinRule::ArrayReduction:
  case BuiltinRule::ArrayRange:
  case BuiltinRule::ArrayMethod:
  case BuiltinRule::Dtype:
  case BuiltinRule::Decorator:
  case BuiltinRule::Barrier:
  case BuiltinRule::Gather:
  case BuiltinRule::Allgather:
  case BuiltinRule::Bcast:
  case BuiltinRule::ReduceWithOp:
  case BuiltinRule::ExceptionClass:
  case BuiltinRule::Exit:
  case BuiltinRule::Sleep:
  case BuiltinRule::Divmod:
  case BuiltinRule::Pow:
  case BuiltinRule::Gcd:
  case BuiltinRule::Factorial:
  case BuiltinRule::Isclose:
  case BuiltinRule::Fsum:
  case BuiltinRule::ToStr:
  case BuiltinRule::Stream:
  case BuiltinRule::StreamWrite:
  case BuiltinRule::StreamFlush:
  case BuiltinRule::StrFormat:
  case BuiltinRule::StrMethod:
  case BuiltinRule::ListMethod:
  case BuiltinRule::ToList:
  case BuiltinRule::Sum:
  case BuiltinRule::Sorted:
    return Type::builtin(info.id);
  }
  return std::nullopt;
}

const Expr *InstanceWalker::keyword(const Call &call, llvm::StringRef name) {
  for (const Keyword &kw : call.keywords)
    if (kw.name == name)
      return kw.value.get();
  return nullptr;
}

bool InstanceWalker::checkIntegerArgument(const Type &t, SourceLoc loc) {
  if (t.isInteger())
    return true;
  fail(loc, "'" + t.str() + "' object cannot be interpreted as an integer");
  return false;
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
  if (t.isUnknown() || t.isInteger())
    return true;
  fail(root->getLoc(),
       method.str() + "()'s root must be an int, not " + t.str());
  return false;
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
  FunctionInstance *callee = instantiate(def, argTypes, call.getLoc());
  instance.callees[&call] = callee;
  return callee->returnType;
}

FunctionInstance *InstanceWalker::instantiate(const FunctionDef &def,
                                              const std::vector<Type> &argTypes,
                                              SourceLoc loc) {
  FunctionInstance *callee = inference.getInstance(def, argTypes);
  inference.walkCallee(*callee);
  if (callee->returnType.isUnknown() && inference.isChecking())
    // Another error may be the cause; this one is reported only if none is.
    inference.reportIfAlone(loc,
                            "cannot infer the return type of '" + def.name +
                                "': every return depends on a recursive call");
  return callee;
}

Type InstanceWalker::callBuiltin(const Call &call, const BuiltinInfo &info) {
  // Messages name methods as Python does: gather(), not comm.gather().
  std::string name = info.scope == BuiltinScope::Comm ? std::string(info.name)
                                                      : qualifiedName(info.id);
  if (insideNjit() && !compiledByNumba(info))
    return rejectInsideNjit(call, name + "()");
  switch (info.rule) {
  case BuiltinRule::Print:
    return callPrint(call);
  case BuiltinRule::ExceptionClass:
    return fail(call.getLoc(), "exception objects are supported only as the "
                               "operand of 'raise'");
  case BuiltinRule::Exit:
    if (!checkArgCount(call, 0, 1, name))
      return Type::unknown();
    if (!call.keywords.empty())
      return fail(call.keywords.front().loc,
                  name + "() takes no keyword arguments");
    checkExitArgument(call.args.empty() ? nullptr : call.args[0].get(), name);
    return Type::none();
  case BuiltinRule::Range:
    return fail(call.getLoc(), name + "() is supported only as the iterable "
                                      "of a for loop, a comprehension, "
                                      "list() or sorted()");
  case BuiltinRule::Decorator:
    return fail(call.getLoc(),
                name + "() is supported only as a function decorator");
  case BuiltinRule::Dtype:
    return fail(call.getLoc(), name + "() is not supported yet");
  case BuiltinRule::Barrier:
  case BuiltinRule::Gather:
  case BuiltinRule::Allgather:
  case BuiltinRule::Bcast:
  case BuiltinRule::ReduceWithOp:
    return callCommMethod(call, info, name);
  case BuiltinRule::Len:
  case BuiltinRule::Abs:
  case BuiltinRule::MinMax:
  case BuiltinRule::ToInt:
  case BuiltinRule::ToFloat:
  case BuiltinRule::ToBool:
  case BuiltinRule::Round:
  case BuiltinRule::FloatOfNumber:
  case BuiltinRule::Ufunc:
  case BuiltinRule::IntOfNumber:
  case BuiltinRule::BoolOfNumber:
  case BuiltinRule::FloatOfTwoNumbers:
  case BuiltinRule::FloatOfNothing:
  case BuiltinRule::IntOfNothing:
  case BuiltinRule::ArrayConstructor:
  case BuiltinRule::Sleep:
  case BuiltinRule::Divmod:
  case BuiltinRule::Pow:
  case BuiltinRule::Gcd:
  case BuiltinRule::Factorial:
  case BuiltinRule::Fsum:
  case BuiltinRule::Sum:
    break;
  case BuiltinRule::Isclose:
    return callIsclose(call, name);
  case BuiltinRule::ToStr:
    return callToStr(call, info, name);
  case BuiltinRule::Submodule:
  case BuiltinRule::CommValue:
  case BuiltinRule::ReduceOperator:
  case BuiltinRule::IntAttribute:
  case BuiltinRule::ShapeAttribute:
  case BuiltinRule::TransposeAttribute:
  case BuiltinRule::Constant:
  case BuiltinRule::Argv:
  case BuiltinRule::Stream:
    return fail(call.getLoc(), "'" + name + "' is not callable");
  case BuiltinRule::StreamWrite:
  case BuiltinRule::StreamFlush:
    return callStreamMethod(call, info);
  case BuiltinRule::StrFormat:
    return callStrFormat(call);
  case BuiltinRule::StrMethod:
    return callStrMethod(call, info);
  case BuiltinRule::ArrayReduction:
    return callArrayReduction(call, info);
  case BuiltinRule::ArrayRange:
    return callArrayRange(call, info);
  case BuiltinRule::ArrayMethod:
    return callArrayMethod(call, info);
  case BuiltinRule::ListMethod:
    return callListMethod(call, info);
  case BuiltinRule::ToList:
    return callToList(call);
  case BuiltinRule::Sorted:
    return callSorted(call);
  }
  std::vector<Type> args;
  for (const ExprPtr &arg : call.args) {
    args.push_back(visit(*arg));
    if (args.back().isUnknown())
      return Type::unknown();
  }
  if (info.rule == BuiltinRule::ArrayConstructor)
    return callArrayConstructor(call, info);
  // np.sqrt(a), abs(a): element-wise.
  bool arrayArgument =
      llvm::any_of(args, [](const Type &t) { return t.is(Type::Kind::Array); });
  if ((info.rule == BuiltinRule::Ufunc || info.rule == BuiltinRule::Abs) &&
      arrayArgument)
    return callUfunc(call, info, name, args);
  if (!call.keywords.empty())
    return fail(call.keywords.front().loc,
                name + "() takes no keyword arguments in the nmc subset");
  switch (info.rule) {
  case BuiltinRule::Len:
    if (!checkArgCount(call, 1, 1, name))
      return Type::unknown();
    if (args[0].is(Type::Kind::Array) || args[0].is(Type::Kind::List) ||
        args[0].is(Type::Kind::Tuple) || args[0].is(Type::Kind::Str))
      return Type::integer();
    return fail(call.args[0]->getLoc(),
                "object of type '" + args[0].str() + "' has no len()");
  case BuiltinRule::FloatOfNothing:
    checkArgCount(call, 0, 0, name);
    return Type::floating();
  case BuiltinRule::IntOfNothing:
    checkArgCount(call, 0, 0, name);
    return Type::integer();
  case BuiltinRule::Sleep:
    if (!checkArgCount(call, 1, 1, name))
      return Type::unknown();
    if (!args[0].isNumeric())
      return fail(call.args[0]->getLoc(),
                  "'" + args[0].str() +
                      "' object cannot be interpreted as an integer or float");
    return Type::none();
  case BuiltinRule::Divmod:
  case BuiltinRule::Pow:
  case BuiltinRule::Gcd:
  case BuiltinRule::Factorial:
  case BuiltinRule::Fsum:
    return callIntegerOrSumFunction(call, info, name, args);
  case BuiltinRule::Round:
    if (args.size() == 2)
      return callRoundToDigits(call, name, args);
    return callNumberFunction(call, info, name, args);
  case BuiltinRule::Sum:
  case BuiltinRule::MinMax:
    // sum(xs), min(xs), max(xs) of a list or a 1-d array of numbers.
    if (args.size() == 1 && !args[0].isNumeric()) {
      bool sequence =
          (args[0].is(Type::Kind::List) && args[0].getElement().isNumeric()) ||
          (args[0].is(Type::Kind::Array) && args[0].getRank() == 1);
      if (!sequence)
        return fail(call.args[0]->getLoc(),
                    name + "() of " + args[0].str() + " is not supported yet");
      Type element = args[0].getElement();
      // True + True is 2: a sum of bools is an int.
      if (info.rule == BuiltinRule::Sum && element.is(Type::Kind::Bool))
        return Type::integer();
      return element;
    }
    if (info.rule == BuiltinRule::Sum)
      return fail(call.getLoc(), "sum() of anything but one list or array is "
                                 "not supported yet");
    return callNumberFunction(call, info, name, args);
  case BuiltinRule::ToInt:
  case BuiltinRule::ToFloat:
    if (args.size() == 1 && args[0].is(Type::Kind::Str)) {
      // Numba 0.56 has neither int(str) nor float(str).
      if (insideNjit())
        return rejectInsideNjit(call, name + "() of a str");
      return info.rule == BuiltinRule::ToInt ? Type::integer()
                                             : Type::floating();
    }
    return callNumberFunction(call, info, name, args);
  default:
    return callNumberFunction(call, info, name, args);
  }
}

bool InstanceWalker::insideNjit() const {
  // The only decorators accepted are Numba's.
  return instance.def && !instance.def->decorators.empty();
}

Type InstanceWalker::rejectInsideNjit(const Call &call,
                                      const std::string &what) {
  return fail(call.getLoc(), what + " is not supported inside an @njit "
                                    "function (Numba rejects it)");
}

Type InstanceWalker::callIntegerOrSumFunction(const Call &call,
                                              const BuiltinInfo &info,
                                              const std::string &name,
                                              const std::vector<Type> &args) {
  auto requireIntegers = [&]() {
    for (size_t i = 0; i < args.size(); ++i)
      if (!args[i].isInteger()) {
        fail(call.args[i]->getLoc(),
             args[i].is(Type::Kind::Float)
                 ? name + "() of a float: 'float' object cannot be "
                          "interpreted as an integer"
                 : name + "() of " + args[i].str() + " is not supported");
        return false;
      }
    return true;
  };
  switch (info.rule) {
  case BuiltinRule::Divmod: {
    if (!checkArgCount(call, 2, 2, name))
      return Type::unknown();
    Type quotient =
        binaryResult(BinOpKind::FloorDiv, args[0], args[1], call.getLoc());
    if (quotient.isUnknown())
      return quotient;
    return Type::tuple({quotient, quotient});
  }
  case BuiltinRule::Pow:
    if (!checkArgCount(call, 2, 3, name))
      return Type::unknown();
    // pow(2, -1) is not folded by CPython: Numba keeps an int.
    if (args.size() == 2)
      return binaryResult(BinOpKind::Pow, args[0], args[1], call.getLoc(),
                          insideNjit() ? nullptr : call.args[0].get(),
                          call.args[1].get());
    if (insideNjit())
      return rejectInsideNjit(call, "pow() with a modulus");
    if (!llvm::all_of(args, [](const Type &t) { return t.isInteger(); }))
      return fail(call.getLoc(), "pow() 3rd argument not allowed unless all "
                                 "arguments are integers");
    return Type::integer();
  case BuiltinRule::Gcd:
    // Numba has math.gcd of two ints only.
    if (insideNjit() && args.size() != 2)
      return rejectInsideNjit(call, name + "() of other than two ints");
    if (!requireIntegers())
      return Type::unknown();
    return Type::integer();
  case BuiltinRule::Factorial:
    if (!checkArgCount(call, 1, 1, name) || !requireIntegers())
      return Type::unknown();
    return Type::integer();
  case BuiltinRule::Fsum:
    if (!checkArgCount(call, 1, 1, name))
      return Type::unknown();
    if (args[0].is(Type::Kind::List) ||
        (args[0].is(Type::Kind::Array) && args[0].getRank() == 1 &&
         args[0].getElement().is(Type::Kind::Float)))
      return Type::floating();
    return fail(call.args[0]->getLoc(),
                name + "() of " + args[0].str() +
                    " is not supported (a list or a 1-d float64 array)");
  default:
    return fail(call.getLoc(), "internal error: '" + name +
                                   "' is not a function of ints or a sum");
  }
}

Type InstanceWalker::callRoundToDigits(const Call &call,
                                       const std::string &name,
                                       const std::vector<Type> &args) {
  if (!args[0].isNumeric())
    return fail(call.args[0]->getLoc(),
                name + "() of " + args[0].str() + " is not supported yet");
  // round(x, None) is round(x), an int; ndigits must be an int.
  if (args[1].is(Type::Kind::None)) {
    if (insideNjit())
      return rejectInsideNjit(call, "round() with ndigits=None");
    return Type::integer();
  }
  if (!args[1].isInteger())
    return fail(call.args[1]->getLoc(),
                "'" +
                    (args[1].is(Type::Kind::Float) ? std::string("float")
                                                   : args[1].str()) +
                    "' object cannot be interpreted as an integer");
  // An int stays an int in CPython; Numba rounds it as a float.
  if (args[0].is(Type::Kind::Float) || insideNjit())
    return Type::floating();
  return Type::integer();
}

Type InstanceWalker::callToStr(const Call &call, const BuiltinInfo &info,
                               const std::string &name) {
  bool isFormat = info.id == BuiltinId::Format;
  if (!checkArgCount(call, isFormat ? 1 : 0, isFormat ? 2 : 1, name))
    return Type::unknown();
  if (!call.keywords.empty())
    return fail(call.keywords.front().loc,
                name + "() takes no keyword arguments in the nmc subset");
  // str() is ''.
  if (call.args.empty())
    return Type::string();
  Type value = visit(*call.args[0]);
  if (isFormat && call.args.size() == 2) {
    Type spec = visit(*call.args[1]);
    if (spec.isUnknown())
      return spec;
    if (!spec.is(Type::Kind::Str))
      return fail(call.args[1]->getLoc(),
                  "format() argument 2 must be str, not " + spec.str());
  }
  if (!checkFormattable(value, isFormat && call.args.size() == 2,
                        call.args[0]->getLoc(), name + "()"))
    return Type::unknown();
  // Numba has str() of ints (and strs) only.
  if (insideNjit() && !value.is(Type::Kind::Int) && !value.is(Type::Kind::Str))
    return rejectInsideNjit(call, name + "() of " + value.str());
  return Type::string();
}

Type InstanceWalker::callStreamMethod(const Call &call,
                                      const BuiltinInfo &info) {
  std::string name = "sys.stdout." + std::string(info.name);
  if (!call.keywords.empty())
    return fail(call.keywords.front().loc,
                name + "() takes no keyword arguments");
  if (info.rule == BuiltinRule::StreamFlush) {
    checkArgCount(call, 0, 0, name);
    return Type::none();
  }
  if (!checkArgCount(call, 1, 1, name))
    return Type::unknown();
  Type text = visit(*call.args[0]);
  if (!text.isUnknown() && !text.is(Type::Kind::Str))
    return fail(call.args[0]->getLoc(),
                "write() argument must be str, not " + text.str());
  return Type::integer();
}

/// Every argument the pieces (and their specs) name.
static void collectArguments(const std::vector<FormatPiece> &pieces,
                             std::vector<int> &arguments) {
  for (const FormatPiece &piece : pieces) {
    if (piece.argument >= 0)
      arguments.push_back(piece.argument);
    collectArguments(piece.spec, arguments);
  }
}

Type InstanceWalker::callStrMethod(const Call &call, const BuiltinInfo &info) {
  std::string name = info.name;
  Type receiver = visit(*cast<Attribute>(*call.func).value);
  // split() takes sep= and maxsplit= too; the others only positionally.
  std::vector<const Expr *> args;
  for (const ExprPtr &arg : call.args)
    args.push_back(arg.get());
  for (const Keyword &kw : call.keywords) {
    size_t slot = kw.name == "sep" ? 0 : kw.name == "maxsplit" ? 1 : 2;
    if (info.id != BuiltinId::StrSplit || slot == 2)
      return fail(kw.loc, name + "() got an unexpected keyword argument '" +
                              kw.name + "'");
    if (args.size() <= slot)
      args.resize(slot + 1, nullptr);
    if (args[slot])
      return fail(kw.loc, "argument for " + name + "() given by name ('" +
                              kw.name + "') and position");
    args[slot] = kw.value.get();
  }
  instance.boundArgs[&call] = args;
  // `sep.join([])`: the empty literal is a list of str.
  if (auto *literal =
          args.empty() ? nullptr : llvm::dyn_cast_or_null<List>(args[0]);
      info.id == BuiltinId::StrJoin && literal && literal->elts.empty())
    giveEmptyListElement(*literal, Type::string());
  std::vector<Type> types;
  for (const Expr *arg : args) {
    types.push_back(arg ? visit(*arg) : Type::none());
    if (types.back().isUnknown())
      return Type::unknown();
  }
  if (receiver.isUnknown())
    return receiver;
  auto count = [&](size_t min, size_t max) {
    if (args.size() >= min && args.size() <= max)
      return true;
    fail(call.getLoc(), name + "() takes " +
                            (min == max ? std::to_string(min)
                                        : "at most " + std::to_string(max)) +
                            " arguments (" + std::to_string(args.size()) +
                            " given)");
    return false;
  };
  // Each argument must be a str (or, where Python allows it, None).
  auto str = [&](size_t i, bool orNone) {
    if (types[i].is(Type::Kind::Str) ||
        (orNone && types[i].is(Type::Kind::None)))
      return true;
    fail(args[i] ? args[i]->getLoc() : call.getLoc(),
         name + "() argument must be str" + (orNone ? " or None" : "") +
             ", not " + types[i].str());
    return false;
  };
  auto integer = [&](size_t i) {
    return checkIntegerArgument(types[i], args[i]->getLoc());
  };
  switch (info.id) {
  case BuiltinId::StrUpper:
  case BuiltinId::StrLower:
    return count(0, 0) ? Type::string() : Type::unknown();
  case BuiltinId::StrStrip:
  case BuiltinId::StrLstrip:
  case BuiltinId::StrRstrip:
    return count(0, 1) && (args.empty() || str(0, true)) ? Type::string()
                                                         : Type::unknown();
  case BuiltinId::StrStartswith:
  case BuiltinId::StrEndswith:
    if (args.size() > 1)
      return fail(args[1]->getLoc(),
                  name + "() with start and end is not supported yet");
    return count(1, 1) && str(0, false) ? Type::boolean() : Type::unknown();
  case BuiltinId::StrReplace:
    return count(2, 3) && str(0, false) && str(1, false) &&
                   (args.size() < 3 || integer(2))
               ? Type::string()
               : Type::unknown();
  case BuiltinId::StrSplit:
    if (!count(0, 2) || (!args.empty() && args[0] && !str(0, true)) ||
        (args.size() == 2 && !integer(1)))
      return Type::unknown();
    return Type::list(Type::string());
  case BuiltinId::StrJoin:
    if (!count(1, 1))
      return Type::unknown();
    if (!types[0].is(Type::Kind::List) ||
        !types[0].getElement().is(Type::Kind::Str))
      return fail(args[0]->getLoc(),
                  "join() of " + types[0].str() +
                      " is not supported (only a list of str; Python "
                      "raises TypeError for other elements)");
    return Type::string();
  default:
    break;
  }
  return fail(call.getLoc(), name + "() is not a str method");
}

Type InstanceWalker::callStrFormat(const Call &call) {
  const Expr &receiver = *cast<Attribute>(*call.func).value;
  auto *literal = dyn_cast<StrLit>(&receiver);
  if (!literal)
    return fail(receiver.getLoc(), "str.format() of a string that is not a "
                                   "literal is not supported yet");
  // Arguments in source order: positional ones, then keywords.
  std::vector<const Expr *> bound;
  std::vector<std::string> keywords;
  for (const ExprPtr &arg : call.args)
    bound.push_back(arg.get());
  for (const Keyword &kw : call.keywords) {
    bound.push_back(kw.value.get());
    keywords.push_back(kw.name);
  }
  std::vector<Type> types;
  for (const Expr *arg : bound) {
    types.push_back(visit(*arg));
    if (types.back().isUnknown())
      return Type::unknown();
  }
  std::vector<FormatPiece> pieces;
  if (auto error = parseFormatTemplate(literal->value, call.args.size(),
                                       keywords, pieces))
    return fail(literal->getLoc(), "str.format(): " + *error);
  std::vector<int> used;
  collectArguments(pieces, used);
  for (int i : used)
    if (!checkFormattable(types[i], /*hasSpec=*/false, bound[i]->getLoc(),
                          "str.format()"))
      return Type::unknown();
  // None with a spec is Python's TypeError.
  for (const FormatPiece &piece : pieces)
    if (piece.argument >= 0 && !piece.spec.empty() &&
        types[piece.argument].is(Type::Kind::None))
      return fail(bound[piece.argument]->getLoc(),
                  "str.format() of None with a format spec is not supported "
                  "(Python raises TypeError)");
  instance.boundArgs[&call] = bound;
  instance.formatTemplates[&call] = std::move(pieces);
  return Type::string();
}

Type InstanceWalker::callIsclose(const Call &call, const std::string &name) {
  // isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0); a and b may be keywords.
  static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
  if (!checkArgCount(call, 0, 2, name))
    return Type::unknown();
  std::vector<const Expr *> bound(4, nullptr);
  for (size_t i = 0; i < call.args.size(); ++i)
    bound[i] = call.args[i].get();
  for (const Keyword &kw : call.keywords) {
    auto *it = llvm::find(names, kw.name);
    if (it == std::end(names))
      return fail(kw.loc, name + "() got an unexpected keyword argument '" +
                              kw.name + "'");
    if (bound[it - names])
      return fail(kw.loc, name + "() got multiple values for argument '" +
                              kw.name + "'");
    bound[it - names] = kw.value.get();
  }
  for (size_t i = 0; i < 2; ++i)
    if (!bound[i])
      return fail(call.getLoc(),
                  name + "() missing required argument '" + names[i] + "'");
  instance.boundArgs[&call] = bound;
  for (const Expr *arg : bound) {
    if (!arg)
      continue;
    Type t = visit(*arg);
    if (t.isUnknown())
      return t;
    if (!t.isNumeric())
      return fail(arg->getLoc(), name + "() of " + t.str() +
                                     " is not supported (numbers only)");
  }
  return Type::boolean();
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
  case BuiltinRule::Ufunc:
    if (info.id == BuiltinId::NumpyAbs)
      return args[0].is(Type::Kind::Float) ? Type::floating() : Type::integer();
    return Type::floating();
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
    if (kw.name == "flush" || kw.name == "file") {
      if (insideNjit()) {
        fail(kw.loc, "print()'s " + kw.name +
                         " is not supported inside an "
                         "@njit function (Numba "
                         "rejects it)");
        continue;
      }
      Type t = visit(*kw.value);
      if (kw.name == "flush" && !t.isUnknown() && !t.isNumeric())
        fail(kw.value->getLoc(),
             "print()'s flush must be a bool, not " + t.str());
      if (kw.name == "file" && !t.isUnknown() &&
          !(t.is(Type::Kind::Builtin) &&
            getBuiltin(t.getBuiltin()).rule == BuiltinRule::Stream))
        fail(kw.value->getLoc(), "print()'s file must be sys.stdout or "
                                 "sys.stderr in the nmc subset");
      continue;
    }
    if (kw.name != "sep" && kw.name != "end")
      fail(kw.loc,
           "print() got an unexpected keyword argument '" + kw.name + "'");
    else if (!isa<StrLit>(kw.value.get()))
      fail(kw.value->getLoc(),
           "print()'s " + kw.name + " must be a string literal");
  }
  return Type::none();
}

void InstanceWalker::checkExitArgument(const Expr *arg, llvm::StringRef what) {
  if (!arg)
    return;
  Type t = visit(*arg);
  if (t.isUnknown() || t.is(Type::Kind::None) || t.is(Type::Kind::Bool) ||
      t.is(Type::Kind::Int) || t.is(Type::Kind::Str))
    return;
  fail(arg->getLoc(), what.str() + "() of " + t.str() +
                          " is not supported (an int code, None or a str "
                          "message)");
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
  // The second argument: root for gather and bcast, op for reductions.
  llvm::StringRef secondName =
      info.rule == BuiltinRule::ReduceWithOp ? "op" : "root";
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
  case BuiltinRule::ReduceWithOp:
    return checkReduction(name, value, valueExpr, second);
  default:
    return fail(call.getLoc(),
                "internal error: '" + name + "' is not a collective");
  }
}

Type InstanceWalker::checkReduction(const std::string &name, const Type &value,
                                    const Expr *valueExpr, const Expr *op) {
  BuiltinId opId = BuiltinId::OpSum;
  if (op) {
    Type t = visit(*op);
    if (t.isUnknown())
      return t;
    if (!t.is(Type::Kind::ReduceOp))
      return fail(op->getLoc(), name + "()'s op must be an MPI reduction "
                                       "operator such as MPI.SUM");
    opId = t.getBuiltin();
  }
  if (!value.isNumeric())
    return fail(valueExpr->getLoc(),
                name + " of " + value.str() + " is not supported yet");
  std::string opName = getBuiltin(opId).name;
  if (opId == BuiltinId::OpLand || opId == BuiltinId::OpLor)
    return fail(op->getLoc(),
                name + " with MPI." + opName + " is not supported yet");
  // mpi4py reduces Python objects: on one rank the sum of True is True,
  // on two it is 2. No static type covers both.
  if (value.is(Type::Kind::Bool) &&
      (opId == BuiltinId::OpSum || opId == BuiltinId::OpProd))
    return fail(valueExpr->getLoc(),
                name + " of bools with MPI." + opName +
                    " is not supported (mpi4py gives a bool on one rank "
                    "and an int on several); convert with int() first");
  return value;
}
