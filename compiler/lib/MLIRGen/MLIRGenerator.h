//===- MLIRGenerator.h - The state of MLIR generation ----------*- C++ -*-===//
//
// Private to lib/MLIRGen: the generator class, whose member functions live
// in MLIRGen.cpp (module, functions, statements), MLIRGenExpressions.cpp
// (values and expressions) and MLIRGenCalls.cpp (calls and builtins).
//
//===----------------------------------------------------------------------===//

#ifndef NMC_LIB_MLIRGEN_MLIRGENERATOR_H
#define NMC_LIB_MLIRGEN_MLIRGENERATOR_H

#include "nmc/MLIRGen/MLIRGen.h"

#include "SSABuilder.h"

#include "nm/IR/NMOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <functional>

namespace nmc::mlirgen {

using namespace ast;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;
using sema::FunctionInstance;
using sema::Type;

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
  /// The memref type of every array and view of `rank` axes.
  mlir::MemRefType stridedType(int64_t rank, mlir::Type element);

  // Functions and variables.
  void declareGlobals();
  void generateInstance(const FunctionInstance &instance);
  /// The memref global of value `slot` of module-level variable `name`:
  /// `__nmc_global_x`, and `__nmc_global_t.1` for a tuple's second value.
  std::string globalSymbol(llvm::StringRef name, size_t slot) {
    return ("__nmc_global_" + name + (slot ? "." + llvm::Twine(slot) : ""))
        .str();
  }
  /// The storage types of module-level variable `name` as functions read
  /// it.
  llvm::SmallVector<mlir::Type> globalSlots(llvm::StringRef name);
  /// The values of variable `name` where it is read with type `t`.
  Values readVariable(const std::string &name, const Type &t, SourceLoc l);
  /// Assigns `values` of type `t` to variable `name`.
  void writeVariable(const std::string &name, Values values, const Type &t,
                     SourceLoc l);
  /// `value` converted to the wider type `to` at the end of `block`.
  mlir::Value widenAtBlockEnd(mlir::Value value, mlir::Type to,
                              mlir::Block *block);
  static std::string mlirTypeName(mlir::Type type) {
    std::string s;
    llvm::raw_string_ostream os(s);
    type.print(os);
    return s;
  }

  // Control flow. Blocks are sealed (SSABuilder) once all their
  // predecessors exist.
  void sealBlock(mlir::Block *block) { ssa->sealBlock(block); }
  void branchTo(mlir::Location l, mlir::Block *block);
  /// After a terminator: later statements go into a fresh unreachable block.
  void startUnreachableBlock();
  mlir::Block *createBlock() {
    mlir::Block *block = new mlir::Block();
    region->push_back(block);
    return block;
  }
  /// Raises Python exception `excName` when `condition` holds.
  void raiseIf(mlir::Value condition, llvm::StringRef excName,
               llvm::StringRef message, SourceLoc l);
  /// Runs what `genThen` generates when `condition` holds.
  void genIf(mlir::Value condition, mlir::Location l,
             llvm::function_ref<void()> genThen);

  // Statements.
  void genBody(const StmtList &body);
  void genStmt(const Stmt &stmt);
  void genAssign(const Assign &assign);
  void genAssignTarget(const Expr &target, const Values &values,
                       const Type &valueType, SourceLoc l);
  void genAugAssign(const AugAssign &aug);
  void genImport(const Import &import);
  void genIf(const If &ifStmt);
  void genWhile(const While &whileStmt);
  void genFor(const For &forStmt);
  /// What a for loop iterates over: its length, and how to read element k
  /// inside the loop (every value is computed before the loop).
  struct Sequence {
    mlir::Value length;
    std::function<Values(mlir::Value k)> element;
  };
  Sequence genSequence(const Expr &iter);
  void genReturn(const Return &ret);
  void genAssert(const Assert &assertStmt);
  void genRaise(const Raise &raise);
  /// sys.exit(arg) / raise SystemExit(arg); `arg` may be null.
  void genExit(const Expr *arg, mlir::Location l);
  /// Ends the block after an op that does not return (nm.raise, nm.exit)
  /// and goes on in a new block no branch reaches.
  void endBlockAfterNoReturn(mlir::Location l);
  /// A loop running `tripCount` (unsigned) times, calling
  /// `genIteration(k)` for k = 0, 1, ... as each iteration's body, then
  /// `orelse` unless the body breaks.
  void genCountedLoop(mlir::Location l, mlir::Value tripCount,
                      llvm::function_ref<void(mlir::Value)> genIteration,
                      const StmtList &orelse);
  /// What every loop shares once its header has computed `more`: the body
  /// (`genIteration`, ending at `continueBlock`, which `continue` also
  /// reaches), the else clause, and the exit.
  void genLoopBranches(mlir::Value more, mlir::Block *header,
                       mlir::Block *continueBlock, mlir::Block *exit,
                       llvm::function_ref<void()> genIteration,
                       const StmtList &orelse, mlir::Location l);
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
  /// Element `k` (in range, known at run time) of a tuple whose elements
  /// have one type: a select among their values.
  Values selectTupleElement(const Values &values, const Type &tuple,
                            mlir::Value k, mlir::Location l);
  /// `t[k]`: a literal index picks the element's values, another one
  /// (into a tuple of one element type) selects at run time.
  Values genTupleSubscript(const Subscript &sub);
  Values callFunction(const Call &call);
  void printValues(mlir::Location l, const Values &values, const Type &t,
                   SourceLoc at);
  void printText(llvm::StringRef text, mlir::Location l);
  mlir::Value genName(const Name &name);
  mlir::Value genAttribute(const Attribute &attr);
  mlir::Value genSubscript(const Subscript &sub);
  mlir::Value genCall(const Call &call);
  mlir::Value genBuiltinCall(const Call &call, sema::BuiltinId id);
  mlir::Value genMathCall(const Call &call, sema::BuiltinId id);
  /// pow, math.gcd, math.factorial, math.isclose and math.fsum, through
  /// nm.library_call where arith and math have no op.
  mlir::Value genLibraryFunctionCall(const Call &call, sema::BuiltinId id);
  mlir::Value genFormattedString(const FormattedString &fstring);
  /// One f-string field, str(), repr() or format(): `value` with its
  /// conversion ('r', 's' or 0) applied, then formatted with `spec` (null:
  /// none).
  mlir::Value genFormatted(const Expr &value, char conversion,
                           const Expr *spec);
  /// str() (or, with `repr`, repr()) of a value of any printable type:
  /// lists through the runtime, tuples piece by piece with their elements'
  /// repr(), as Python writes them.
  mlir::Value genStrOf(const Values &values, const Type &type, bool repr,
                       mlir::Location l);
  /// `v` (of `type`) with its conversion applied, then formatted with
  /// `spec` (null: none).
  mlir::Value formatValue(mlir::Value v, const Type &type, char conversion,
                          mlir::Value spec, mlir::Location l);
  /// "literal".format(...) and "literal" % values, from the fields type
  /// inference split (formatTemplates) and the values they name.
  mlir::Value genStrFormat(const Call &call);
  mlir::Value genPercentFormat(const BinOp &bin);
  mlir::Value genTemplate(const Expr &expr, llvm::ArrayRef<mlir::Value> values,
                          llvm::ArrayRef<Type> types);
  /// divmod(a, b): the quotient and the remainder.
  Values genDivmod(const Call &call);
  /// Whether the function being generated is an @njit one.
  bool insideNjit() const {
    return instance->def && !instance->def->decorators.empty();
  }
  /// Calls the C library's double function `name`.
  mlir::Value callLibm(llvm::StringRef name, mlir::ValueRange args,
                       mlir::Location l);
  mlir::Value genMinMax(bool isMin, llvm::ArrayRef<mlir::Value> args,
                        llvm::ArrayRef<Type> argTypes, const Type &resultType,
                        SourceLoc at);
  mlir::Value genCommCall(const Call &call, sema::BuiltinId id);
  mlir::nm::ReduceKind reduceKind(sema::BuiltinId op);
  /// The reduction kind of a call's `op` argument (null: MPI.SUM).
  mlir::nm::ReduceKindAttr reduceKindOf(const Expr *op);
  mlir::Value genArrayConstructor(const Call &call, sema::BuiltinId id);
  void genPrint(const Call &call);
  /// sys.stdout / sys.stderr .write(s) and .flush().
  /// s.upper(), s.split(sep, maxsplit), sep.join(l), ... as nm.str_method.
  mlir::Value genStrMethod(const Call &call, sema::BuiltinId id);
  mlir::Value genStreamCall(const Call &call, sema::BuiltinId id);
  /// l.append(x), l.pop(i), ... (MLIRGenLists.cpp).
  mlir::Value genListMethod(const Call &call, sema::BuiltinId id);
  /// list(l) and list(range(...)).
  mlir::Value genToList(const Call &call);
  /// Sorts `list` in place with the key= and reverse= of `call` (sorted()
  /// or list.sort()).
  void genSort(mlir::Value list, const Call &call);
  /// key(element) for a key= lambda or function.
  mlir::Value genSortKey(const Expr &key, mlir::Value element,
                         const Type &elementType);
  /// `[elt for x in xs if c ...]`: a new list, appended to in nested loops.
  mlir::Value genListComp(const ListComp &comp);
  /// The loop of clause `i` and those inside it; the element at the end.
  void genComprehensionClause(const ListComp &comp, size_t i, mlir::Value list);
  /// Gives the names `target` binds their comprehension-only SSA names.
  void renameComprehensionTarget(const Expr &target);
  mlir::Value genBinary(BinOpKind op, mlir::Value lhs, const Type &lhsType,
                        mlir::Value rhs, const Type &rhsType,
                        const Type &resultType, SourceLoc l);
  mlir::Value genIntBinary(BinOpKind op, mlir::Value lhs, mlir::Value rhs,
                           SourceLoc l);
  /// CPython's float divmod (floorDiv set, the remainder returned).
  mlir::Value floatDivmod(mlir::Value a, mlir::Value b, mlir::Value &floorDiv,
                          mlir::Location l);
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
  /// `a op b` of two strs: an order comparison, `in` or `not in`.
  mlir::Value genStrCompare(CmpOpKind op, mlir::Value lhs, mlir::Value rhs,
                            SourceLoc l);
  mlir::Value genBoolOp(const BoolOp &boolOp);
  mlir::Value genIfExp(const IfExp &ifExp);
  /// `a if c else b`, every value of a tuple merged at the join.
  Values genIfExpValues(const IfExp &ifExp);
  /// Evaluates `cond`; if `shortCircuitWhen` equals it the result is
  /// `early`, otherwise genRest(). Used by and/or and chained comparisons.
  mlir::Value genShortCircuit(mlir::Value cond, bool shortCircuitWhen,
                              mlir::Value early,
                              llvm::function_ref<mlir::Value()> genRest,
                              SourceLoc l);
  /// The first position, element count and step of `seq[lo:hi:step]` for
  /// a sequence of `n` elements: CPython's PySlice_AdjustIndices, with
  /// ValueError for a zero step.
  struct SliceBounds {
    mlir::Value start, length, step;
  };
  SliceBounds genSliceBounds(mlir::Value n, const Slice &slice);
  /// The length of a list, with the TypeError for None of `use`.
  mlir::Value listLength(mlir::Value list, mlir::nm::ListLenUse use,
                         mlir::Location l);

  // Arrays (MLIRGenArrays.cpp).
  /// The sizes of an array's axes, as i64.
  llvm::SmallVector<mlir::Value> arrayDims(mlir::Value array, mlir::Location l);
  /// A shape as NumPy writes it: `(3,)`, `(2, 3)`, or `(2,3)` unspaced.
  mlir::Value shapeText(llvm::ArrayRef<mlir::Value> dims, bool spaced,
                        mlir::Location l);
  /// Raises `excName` with the message `genText()` makes where `condition`.
  void raiseWithText(mlir::Value condition, llvm::StringRef excName,
                     llvm::function_ref<mlir::Value()> genText, SourceLoc l);
  /// A new C-contiguous array of `type` with i64 `dims`: NumPy's errors for
  /// negative, too big and failed allocations.
  mlir::Value allocateArray(const Type &type, llvm::ArrayRef<mlir::Value> dims,
                            SourceLoc l);
  mlir::Value constElement(double value, const Type &element, mlir::Location l);
  /// `index` (i64) on `axis` as an index: negative counts from the end;
  /// IndexError outside when `check`.
  mlir::Value arrayIndex(mlir::Value array, mlir::Value index, int64_t axis,
                         bool check, SourceLoc l);
  /// `a[...]`: with an int for every axis, the array with the element's
  /// `indices`; otherwise the view (memref.subview), `indices` left empty.
  mlir::Value genArrayAccess(const Subscript &sub,
                             llvm::SmallVectorImpl<mlir::Value> &indices);
  /// Row `k` (i64, in range) of an N-d array: a view of rank N-1.
  mlir::Value arrayRow(mlir::Value array, mlir::Value k, mlir::Location l);
  /// `a[...]` as a value: the element loaded, or the view.
  mlir::Value genArraySubscript(const Subscript &sub);
  /// Whether `a[...]` (of an array) is a view: a slice, or fewer ints
  /// than axes.
  bool isArrayView(const Subscript &sub) const;
  /// Whether `e` is computed element by element inside a fused
  /// expression: an operator, comparison or NumPy function of arrays.
  bool isElementwise(const Expr &e) const;
  /// The operands an element-wise tree reads: arrays (its leaves of array
  /// type) and numbers, evaluated before the loop.
  struct ElementwiseInputs {
    llvm::SmallVector<mlir::Value> arrays;
    llvm::SmallVector<Type> elements;
    llvm::DenseMap<const Expr *, unsigned> arrayOf;
    llvm::DenseMap<const Expr *, mlir::Value> scalars;
  };
  /// Evaluates the leaves of `e` into `inputs`; returns `e`'s shape (i64,
  /// none for a number), checked at each operator as NumPy broadcasts.
  llvm::SmallVector<mlir::Value> collectElementwise(const Expr &e,
                                                    ElementwiseInputs &inputs);
  /// NumPy's broadcast shape of `a` and `b`, raising its ValueError (with
  /// `output`'s shape too, for `a += b`).
  llvm::SmallVector<mlir::Value>
  broadcastShapes(llvm::ArrayRef<mlir::Value> a, llvm::ArrayRef<mlir::Value> b,
                  SourceLoc l, llvm::ArrayRef<mlir::Value> output = {});
  /// `array` seen with shape `dims` (stride 0 on stretched axes).
  mlir::Value broadcastView(mlir::Value array, llvm::ArrayRef<mlir::Value> dims,
                            mlir::Location l);
  /// Whether writing `dest` would change what `input` still reads.
  mlir::Value mayOverlap(mlir::Value dest, mlir::Value input, int64_t destItem,
                         int64_t inputItem, mlir::Location l);
  /// A conversion that cannot raise, for loop bodies.
  mlir::Value elementConvert(mlir::Value v, const Type &from, const Type &to,
                             SourceLoc l);
  /// NumPy's `a op b` on two elements.
  mlir::Value elementBinary(BinOpKind op, mlir::Value a, const Type &aType,
                            mlir::Value b, const Type &bType,
                            const Type &result, SourceLoc l);
  /// One element of `e` inside the loop body, from the block's `args`.
  std::pair<mlir::Value, Type> genElement(const Expr &e,
                                          const ElementwiseInputs &inputs,
                                          mlir::ValueRange args);
  /// One linalg.generic writing `e` (of shape `shape`) into `dest`, or
  /// `dest op e` when `augmented`; a null `e` is the one array input. A
  /// `fresh` dest is known to alias nothing; otherwise overlap sends the
  /// result through a temporary.
  void genElementwiseInto(mlir::Value dest, const Type &destType, const Expr *e,
                          ElementwiseInputs &inputs,
                          llvm::ArrayRef<mlir::Value> shape, bool fresh,
                          std::optional<BinOpKind> augmented, SourceLoc l);
  /// A new array holding the element-wise expression `e`.
  mlir::Value genArrayExpression(const Expr &e);
  /// `a[...] = value` and `a[...] op= value` to a view, and `a op= value`
  /// of an array `dest`: a number fills it, an array or expression
  /// broadcasts into it, in one loop.
  void assignToArray(const Subscript &target, const Expr &value,
                     std::optional<BinOpKind> augmented, SourceLoc l);
  void assignToArray(mlir::Value dest, const Type &destType, const Expr &value,
                     std::optional<BinOpKind> augmented, SourceLoc l);
  /// A new C-contiguous array with the elements of `array` (of `type`).
  mlir::Value copyArray(mlir::Value array, const Type &type, SourceLoc l);
  /// np.arange(start, stop, step), np.linspace(start, stop, num).
  mlir::Value genArrayRange(const Call &call, sema::BuiltinId id);
  /// Element i of the 1-d `array` is start + i * delta (f64 or i64).
  void genRangeFill(mlir::Value array, mlir::Value start, mlir::Value delta,
                    mlir::Location l);
  /// a.copy(), np.copy(a), a.fill(x).
  mlir::Value genArrayMethod(const Call &call, sema::BuiltinId id);
  /// a.T: the view with the axes in reverse order.
  mlir::Value transposeView(mlir::Value array, mlir::Location l);
  /// How genArrayReduce combines the elements.
  enum class ArrayReduce { Sum, Prod, Min, Max };
  /// One linalg.generic reducing every element of the element-wise tree
  /// `e`, in C order, into a `result`; raises ValueError(`emptyMessage`)
  /// for no elements unless the message is empty (the identity is the
  /// result).
  mlir::Value genArrayReduce(const Expr &e, ArrayReduce kind,
                             const Type &result, llvm::StringRef emptyMessage,
                             SourceLoc l, mlir::Value *count = nullptr);
  /// np.sum of a float64 array in NumPy's pairwise order: of the array or
  /// 1-d view itself, or of a contiguous copy (an expression, N-d). Both
  /// set `count` to the number of elements.
  mlir::Value genPairwiseSum(const Expr &e, SourceLoc l, mlir::Value &count);
  /// The number of elements of a shape (i64 sizes).
  mlir::Value elementCount(llvm::ArrayRef<mlir::Value> dims, mlir::Location l);
  /// np.sum/prod/min/max/mean(a) and a.sum(), ...; sum/min/max(a) of an
  /// int or bool array.
  mlir::Value genReductionCall(const Call &call, sema::BuiltinId id);
  /// The fill or the loop of assignToArray, its value's leaves evaluated.
  void fillOrCompute(mlir::Value dest, const Type &destType, const Expr &value,
                     ElementwiseInputs &inputs,
                     llvm::ArrayRef<mlir::Value> shape,
                     std::optional<BinOpKind> augmented, SourceLoc l);
  /// `view = value` for an evaluated number or array (tuple targets).
  void assignValueToArray(mlir::Value dest, const Type &element,
                          mlir::Value value, const Type &valueType,
                          SourceLoc l);

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

  // State of the instance being generated.
  const FunctionInstance *instance = nullptr;
  mlir::Region *region = nullptr;
  SSABuilder *ssa = nullptr;
  std::vector<LoopTargets> loops;
  /// The variables of the comprehensions being generated: the SSA name each
  /// source name stands for there.
  llvm::StringMap<std::string> comprehensionVariables;
  unsigned comprehensionCount = 0;
  bool hadError = false;
};

} // namespace nmc::mlirgen

#endif // NMC_LIB_MLIRGEN_MLIRGENERATOR_H
