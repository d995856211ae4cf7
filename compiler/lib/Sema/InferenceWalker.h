//===- InferenceWalker.h - The state of type inference ----------*- C++ -*-===//
//
// Private to lib/Sema: the inference driver and the walker that types one
// instance's body, whose member functions live in Inference.cpp (driver),
// TypeStatements.cpp, TypeExpressions.cpp and LibrarySignatures.cpp (calls
// of builtins, NumPy and mpi4py).
//
//===----------------------------------------------------------------------===//

#ifndef NMC_LIB_SEMA_INFERENCEWALKER_H
#define NMC_LIB_SEMA_INFERENCEWALKER_H

#include "nmc/Sema/Builtins.h"
#include "nmc/Sema/TypeInference.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringSet.h"

namespace nmc::sema::detail {

using namespace nmc::ast;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

class Inference;

/// The types of the variables at one point of a body. As in Numba, each
/// assignment gives its variable the assigned value's type; where paths
/// join, the types unify (int with float gives float).
/// A variable's two types on paths that join, and where each was assigned.
struct TypeConflict {
  Type first, second;
  SourceLoc firstAssigned, secondAssigned;
};

struct FlowState {
  llvm::StringMap<Type> types;
  /// Variables whose types on the joined paths do not unify: reading one is
  /// an error, assigning it again is fine.
  llvm::StringMap<TypeConflict> conflicts;
  /// Where each variable was last assigned, for the notes of a conflict.
  /// It does not take part in comparing states.
  llvm::StringMap<SourceLoc> assignedAt;
  /// Variables holding an empty list literal whose element type is not
  /// known yet: the literals (one per path) that what is put into the
  /// variable's list next gives an element type.
  llvm::StringMap<llvm::SmallVector<const List *, 1>> emptyListOrigins;
  /// False after return, break or continue.
  bool reachable = true;

  bool operator==(const FlowState &other) const;
  bool operator!=(const FlowState &other) const { return !(*this == other); }
};

/// The state where the paths in `a` and `b` meet.
FlowState join(const FlowState &a, const FlowState &b);

/// Walks one instance's body once, typing every expression.
class InstanceWalker {
public:
  InstanceWalker(Inference &inference, FunctionInstance &instance,
                 const llvm::StringSet<> &localNames)
      : inference(inference), instance(instance), localNames(localNames) {
    // Parameters hold the argument types from the start.
    if (instance.def)
      for (auto [param, type] :
           llvm::zip(instance.def->params, instance.paramTypes)) {
        state.types[param.name] = type;
        state.assignedAt[param.name] = param.loc;
      }
  }

  void walkBody(const StmtList &body);

private:
  // Statements.
  void walk(const Stmt &stmt);
  void walkAssign(const Assign &assign);
  /// Reports an annotation that is not a type nmc knows; known ones are
  /// accepted and, as in Python, change nothing.
  void checkAnnotation(const Expr *annotation);
  void walkAugAssign(const AugAssign &aug);
  /// Whether `value` may be stored into (or appended to) `list`: only of
  /// its element type.
  bool checkListStore(const Type &list, const Type &value, SourceLoc loc);
  /// The empty list literals whose element type the list `value` (of type
  /// `type`) still waits for: the literal itself, or those a variable holds.
  llvm::SmallVector<const List *, 1> emptyListOrigins(const Expr &value,
                                                      const Type &type);
  /// The variables of `target` that `value` (of type `type`) gives empty
  /// list literals, element by element through tuple literals.
  void collectEmptyListOrigins(
      const Expr &target, const Expr &value, const Type &type,
      std::vector<std::pair<std::string, llvm::SmallVector<const List *, 1>>>
          &origins);
  /// `list` (an expression of type `listType`) gets `element`s: where it is
  /// a variable holding empty list literals of unknown element type, they
  /// get that type. Returns the list's type from here on.
  Type refineEmptyList(const Expr &list, const Type &listType,
                       const Type &element, SourceLoc loc);
  /// Gives the empty list literal `literal` its element type, if it has
  /// none yet (and `element` is known).
  void giveEmptyListElement(const List &literal, const Type &element);
  /// `[]`: a list of the element type later uses gave it.
  Type visitEmptyList(const List &list);
  /// Whether `value in list`, list.index(value), ... compare values of the
  /// list's element type (a bool or an int widened to it).
  bool checkListSearchValue(const Type &list, const Type &value, SourceLoc loc);
  /// list.append(x), .pop(i), .insert(i, x), .extend(l), .index(x),
  /// .count(x), .remove(x), .reverse(), .copy(), .clear(), .sort().
  Type callListMethod(const Call &call, const BuiltinInfo &info);
  /// list(iterable): of a list, a 1-d array, range(), reversed().
  Type callToList(const Call &call);
  /// The instance of `def` for `argTypes`, walked; reports at `loc` a return
  /// type that no return gives.
  FunctionInstance *instantiate(const FunctionDef &def,
                                const std::vector<Type> &argTypes,
                                SourceLoc loc);
  /// s.upper(), s.strip(chars), s.split(sep, maxsplit), sep.join(l), ...
  Type callStrMethod(const Call &call, const BuiltinInfo &info);
  /// sorted(iterable, key=..., reverse=...).
  Type callSorted(const Call &call);
  /// The key= and reverse= keywords of sorted() and list.sort() for
  /// elements of type `element`; false after an error.
  bool checkSortKeywords(const Call &call, const Type &element,
                         llvm::StringRef name);
  /// The type of key(element): a one-parameter lambda typed in place, or a
  /// user function called with the element.
  Type sortKeyType(const Expr &key, const Type &element);
  /// `[elt for x in xs if c ...]`: its targets are visible only inside it.
  Type visitListComp(const ListComp &comp);
  void bindComprehensionTarget(const Expr &target, const Type &type);
  void walkFor(const For &forStmt);
  /// The element type of a for loop's iterable: range(), numba.prange(), a
  /// list, an array (rows of an N-d one), or enumerate() and zip() of those.
  Type iterationElement(const Expr &iter);
  void walkWhile(const While &whileStmt);
  /// A loop: `atHeader` runs where each iteration starts (the condition),
  /// `atBodyStart` at the top of the body (binding the target). The body is
  /// walked until the state at the header no longer changes; errors are
  /// kept from the last walk only.
  void walkLoop(const Stmt &loop, llvm::function_ref<void()> atHeader,
                llvm::function_ref<void()> atBodyStart, const StmtList &body,
                const StmtList &orelse);
  void walkIf(const If &ifStmt);
  void walkReturn(const Return &ret);
  /// `raise ValueError("message")`, `raise SystemExit(code)`.
  void walkRaise(const Raise &raise);
  void walkImport(const Import &import);
  /// `try: import ... except ImportError: ...`, decided at compile time.
  void walkTry(const Try &tryStmt);
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
  Type visitFormattedString(const FormattedString &fstring);
  /// `"literal" % values`, split at compile time (formatTemplates).
  Type visitPercentFormat(const BinOp &bin, const Type &values);
  /// Whether format()/f-strings/str() take a `value` (numbers, str, None
  /// without a spec); reports why not at `loc`.
  bool checkFormattable(const Type &value, bool hasSpec, SourceLoc loc,
                        llvm::StringRef what);
  Type callUserFunction(const Call &call, const FunctionDef &def);
  Type callBuiltin(const Call &call, const BuiltinInfo &info);
  Type callPrint(const Call &call);
  /// sys.exit(arg) and SystemExit(arg): nothing, None, a bool, an int or a
  /// str (the message printed before exit status 1).
  void checkExitArgument(const Expr *arg, llvm::StringRef what);
  Type callNumberFunction(const Call &call, const BuiltinInfo &info,
                          const std::string &name,
                          const std::vector<Type> &args);
  /// divmod, pow, math.gcd, math.factorial and math.fsum.
  Type callIntegerOrSumFunction(const Call &call, const BuiltinInfo &info,
                                const std::string &name,
                                const std::vector<Type> &args);
  /// round(x, ndigits): a float, or in plain code an int for an int x.
  Type callRoundToDigits(const Call &call, const std::string &name,
                         const std::vector<Type> &args);
  /// math.isclose(a, b, rel_tol=, abs_tol=); binds boundArgs to a, b and
  /// the tolerances (null where not given).
  Type callIsclose(const Call &call, const std::string &name);
  /// str(x), repr(x) and format(x, spec) of a number, str or None.
  Type callToStr(const Call &call, const BuiltinInfo &info,
                 const std::string &name);
  /// "literal".format(...): the fields split at compile time
  /// (formatTemplates), the arguments bound in source order.
  Type callStrFormat(const Call &call);
  /// sys.stdout/sys.stderr .write(str) -> int and .flush().
  Type callStreamMethod(const Call &call, const BuiltinInfo &info);
  /// Whether this instance is an @njit function.
  bool insideNjit() const;
  /// `what` ("math.log2()") is not compiled by Numba inside @njit.
  Type rejectInsideNjit(const Call &call, const std::string &what);
  Type callCommMethod(const Call &call, const BuiltinInfo &info,
                      const std::string &name);
  /// allreduce and scan: a number and an MPI reduction operator.
  Type checkReduction(const std::string &name, const Type &value,
                      const Expr *valueExpr, const Expr *op);
  /// np.zeros/ones/empty/full(shape, ...) and their *_like forms.
  Type callArrayConstructor(const Call &call, const BuiltinInfo &info);
  /// The element type a dtype argument names (unknown while its type is);
  /// nothing after reporting an error.
  std::optional<Type> arrayElementOf(const Expr &dtypeExpr);
  /// `a[i, j]`, `a[i]`, `a[lo:hi, j]`: an element or a view.
  Type arraySubscript(const Subscript &sub, const Type &array,
                      const Type &index);
  /// `a[i, j] = x` stores a number; `a[lo:hi, j] = x` fills the view with
  /// a number or an array that broadcasts to it.
  void checkArrayStore(const Subscript &sub, const Type &array,
                       const Type &index, const Type &value, SourceLoc loc);
  /// NumPy's element-wise `lhs op rhs` where either side is an array.
  Type arrayBinaryResult(BinOpKind op, const Type &lhs, const Type &rhs,
                         SourceLoc loc);
  Type arrayUnaryResult(UnaryOpKind op, const Type &operand, SourceLoc loc);
  /// `a < b` where either side is an array: a bool array.
  Type arrayCompareResult(const Compare &cmp, const Type &lhs, const Type &rhs);
  /// The type of the array operand of `call` (arrayOperand), unknown
  /// after reporting one that is not an array.
  Type visitArrayOperand(const Call &call, const BuiltinInfo &info,
                         const std::string &name);
  /// np.sum(a), np.min(a), a.mean(), ... of a whole array.
  Type callArrayReduction(const Call &call, const BuiltinInfo &info);
  /// np.arange(start, stop, step) and np.linspace(start, stop, num).
  Type callArrayRange(const Call &call, const BuiltinInfo &info);
  /// a.copy(), np.copy(a), a.fill(x).
  Type callArrayMethod(const Call &call, const BuiltinInfo &info);
  /// np.sqrt(a), abs(a), ... of an array.
  Type callUfunc(const Call &call, const BuiltinInfo &info,
                 const std::string &name, const std::vector<Type> &args);
  /// The type of `lhs op rhs`; the operands' expressions, where given,
  /// decide whether an int power is a float (isFloatPower).
  Type binaryResult(BinOpKind op, const Type &lhs, const Type &rhs,
                    SourceLoc loc, const Expr *lhsExpr = nullptr,
                    const Expr *rhsExpr = nullptr);
  /// Whether `base ** exponent` of ints (or bools) is a float: a constant
  /// negative exponent in plain code, or two constants anywhere.
  bool isFloatPower(const Type &lhs, const Type &rhs, const Expr *base,
                    const Expr *exponent);
  std::optional<bool> foldStringComparison(const Compare &cmp);
  std::optional<std::string> constantString(const Expr &expr);
  /// Whether `name` is a variable here: local, or bound at module level.
  bool bindsName(llvm::StringRef name);
  const Expr *keyword(const Call &call, llvm::StringRef name);
  bool checkArgCount(const Call &call, size_t min, size_t max,
                     llvm::StringRef what);
  /// Whether `t` is an int or bool where Python wants an integer (an index,
  /// a range bound); reports Python's TypeError text at `loc` if not.
  bool checkIntegerArgument(const Type &t, SourceLoc loc);
  /// Types a collective's root (absent means 0): an int, or a bool as
  /// Python allows.
  bool checkRoot(const Expr *root, llvm::StringRef method);

  /// A note that an error shows after itself.
  struct Note {
    SourceLoc loc;
    std::string message;
  };
  Type fail(SourceLoc loc, const std::string &message,
            llvm::ArrayRef<Note> notes = {});
  /// Types a condition, which must be a number (bool, int or float).
  Type checkCondition(const Expr &test, llvm::StringRef what);

  /// The states that `break` and `continue` leave a loop with.
  struct LoopExits {
    llvm::SmallVector<FlowState> breaks, continues;
  };
  struct PendingError {
    SourceLoc loc;
    std::string message;
    std::vector<Note> notes;
  };
  using ErrorList = std::vector<PendingError>;

  Inference &inference;
  FunctionInstance &instance;
  const llvm::StringSet<> &localNames;
  llvm::StringSet<> poisoned;
  FlowState state;
  /// The variables of the comprehensions being typed, which hide the
  /// function's variables of the same names there.
  llvm::StringMap<Type> comprehensionScope;
  std::vector<LoopExits> loops;
  /// The converged header state of each loop walked so far, where the next
  /// walk of it starts: nested loops are not walked again from scratch.
  llvm::DenseMap<const Stmt *, FlowState> loopHeaders;
  /// While a key lambda's body is typed inside an @njit function, which
  /// Numba compiles only if it reads no local variable of that function.
  bool inNjitKeyLambda = false;
  /// Where errors go while a loop body is walked: kept only from the walk
  /// whose header state is final.
  ErrorList *errorBuffer = nullptr;
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
  /// Empty list literals given an element type that lists cannot hold,
  /// with the located reason, reported at the literal's check.
  llvm::DenseMap<const List *, std::pair<SourceLoc, std::string>>
      refusedEmptyLists;
  DiagnosticEngine &getDiags() { return diags; }

  /// Walks `callee` now unless this round has walked it (or is walking it:
  /// recursion).
  void walkCallee(FunctionInstance &callee);

private:
  void walkAllInstances();
  /// Walks `instance` once per round.
  void walkInstance(FunctionInstance &instance);

  const ast::Module &module;
  DiagnosticEngine &diags;
  std::unique_ptr<Program> program;
  llvm::DenseMap<const FunctionDef *, llvm::StringSet<>> boundNames;
  llvm::StringSet<> moduleNames;
  /// The instances of each function.
  llvm::DenseMap<const FunctionDef *, std::vector<FunctionInstance *>>
      instancesOf;
  /// Instances walked (or being walked) in this round.
  llvm::DenseSet<const FunctionInstance *> walked;
  std::vector<std::pair<SourceLoc, std::string>> lastResortErrors;
  bool changed = false;
  bool checking = false;
};

} // namespace nmc::sema::detail

#endif // NMC_LIB_SEMA_INFERENCEWALKER_H
