//===- NMToMPI.cpp - nm to mpi and runtime calls --------------------------===//

#include "nmc/Conversion/NMToMPI.h"

#include "nm/IR/NMOps.h"
#include "nmc/Conversion/Passes.h"
#include "nmc/Support/EntryBlock.h"
#include "nmc/Support/RuntimeFunctions.h"

#include "nmrt.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Transforms/DialectConversion.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/xxhash.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/DLTI/DLTI.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MPI/IR/MPI.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

namespace nmc {
#define GEN_PASS_DEF_CONVERTNMTOMPI
#include "nmc/Conversion/Passes.h.inc"
} // namespace nmc

using namespace mlir;

namespace {

/// The runtime function for a scalar element type: its f64, i64 or bool
/// variant (nmrt_gather_f64, ...).
nmc::RuntimeFunction byElement(Type type, nmc::RuntimeFunction f64,
                               nmc::RuntimeFunction i64,
                               nmc::RuntimeFunction boolean) {
  if (type.isF64())
    return f64;
  if (type.isInteger(1))
    return boolean;
  return i64;
}

/// Scalars cross the runtime's C ABI as double, int64_t and int8_t (bool).
Type abiType(Type type) {
  return type.isInteger(1) ? IntegerType::get(type.getContext(), 8) : type;
}

Value toAbi(OpBuilder &b, Location loc, Value v) {
  if (v.getType().isInteger(1))
    return arith::ExtUIOp::create(b, loc, b.getI8Type(), v);
  return v;
}

Value fromAbi(OpBuilder &b, Location loc, Value v, Type type) {
  if (type.isInteger(1))
    return arith::TruncIOp::create(b, loc, type, v);
  return v;
}

Value callRuntime(ConversionPatternRewriter &rewriter, Operation *op,
                  nmc::RuntimeFunction function, ValueRange args) {
  return nmc::callRuntime(rewriter, op->getLoc(), function, args);
}

/// The address of a constant NUL-terminated copy of `text`, one global per
/// distinct text in the module.
Value stringAddress(OpBuilder &b, Location loc, ModuleOp module,
                    StringRef text) {
  std::string withNul = text.str();
  withNul.push_back('\0');
  std::string base = "__nmc_str_" + llvm::utohexstr(llvm::xxh3_64bits(text));
  std::string symbol = base;
  for (unsigned n = 1;; ++n) {
    auto global = module.lookupSymbol<LLVM::GlobalOp>(symbol);
    if (!global)
      break;
    auto value = dyn_cast_if_present<StringAttr>(global.getValueOrNull());
    if (value && value.getValue() == withNul)
      return LLVM::AddressOfOp::create(b, loc, global);
    symbol = base + "_" + std::to_string(n); // a hash collision
  }
  LLVM::GlobalOp global;
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(module.getBody());
    auto type = LLVM::LLVMArrayType::get(b.getI8Type(), withNul.size());
    global = LLVM::GlobalOp::create(b, loc, type, /*isConstant=*/true,
                                    LLVM::Linkage::Internal, symbol,
                                    b.getStringAttr(withNul));
  }
  return LLVM::AddressOfOp::create(b, loc, global);
}

Value stringAddress(ConversionPatternRewriter &rewriter, Operation *op,
                    StringRef text) {
  return stringAddress(rewriter, op->getLoc(), op->getParentOfType<ModuleOp>(),
                       text);
}

/// The runtime's collectives work on MPI_COMM_WORLD only.
LogicalResult matchCommWorld(Operation *op, Value comm,
                             ConversionPatternRewriter &rewriter) {
  if (comm.getDefiningOp<nm::CommWorldOp>())
    return success();
  return rewriter.notifyMatchFailure(
      op, "the runtime's collectives use MPI.COMM_WORLD only");
}

Value lineConstant(OpBuilder &b, Location loc) {
  return arith::ConstantIntOp::create(b, loc, b.getI64Type(),
                                      nmc::sourceLine(loc));
}

struct CommWorldOpLowering : OpConversionPattern<nm::CommWorldOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::CommWorldOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<mpi::CommWorldOp>(
        op, mpi::CommType::get(op.getContext()));
    return success();
  }
};

/// rank and size: MPI returns an int, Python an int64.
template <typename NMOp, typename MPIOp>
struct CommQueryLowering : OpConversionPattern<NMOp> {
  using OpConversionPattern<NMOp>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(NMOp op, typename NMOp::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto query = MPIOp::create(rewriter, loc, /*retval=*/Type(),
                               rewriter.getI32Type(), adaptor.getComm());
    rewriter.replaceOpWithNewOp<arith::ExtSIOp>(op, rewriter.getI64Type(),
                                                query.getResult(0));
    return success();
  }
};

struct BarrierOpLowering : OpConversionPattern<nm::BarrierOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::BarrierOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    mpi::Barrier::create(rewriter, op.getLoc(), TypeRange{}, adaptor.getComm());
    rewriter.eraseOp(op);
    return success();
  }
};

mpi::MPI_ReductionOpEnum toMPI(nm::ReduceKind kind) {
  switch (kind) {
  case nm::ReduceKind::sum:
    return mpi::MPI_ReductionOpEnum::MPI_SUM;
  case nm::ReduceKind::prod:
    return mpi::MPI_ReductionOpEnum::MPI_PROD;
  case nm::ReduceKind::max:
    return mpi::MPI_ReductionOpEnum::MPI_MAX;
  case nm::ReduceKind::min:
    return mpi::MPI_ReductionOpEnum::MPI_MIN;
  case nm::ReduceKind::land:
    return mpi::MPI_ReductionOpEnum::MPI_LAND;
  case nm::ReduceKind::lor:
    return mpi::MPI_ReductionOpEnum::MPI_LOR;
  }
  return mpi::MPI_ReductionOpEnum::MPI_OP_NULL;
}

/// A scalar allreduce goes through one-element buffers on the stack, in the
/// entry block: the mpi dialect reduces memrefs.
struct AllreduceOpLowering : OpConversionPattern<nm::AllreduceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::AllreduceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type element = abiType(op.getValue().getType());
    auto bufferType = MemRefType::get({1}, element);
    Value send, recv;
    {
      OpBuilder::InsertionGuard guard(rewriter);
      nmc::setInsertionPointToEntryBlock(rewriter, op);
      send = memref::AllocaOp::create(rewriter, loc, bufferType);
      recv = memref::AllocaOp::create(rewriter, loc, bufferType);
    }
    Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
    memref::StoreOp::create(rewriter, loc,
                            toAbi(rewriter, loc, adaptor.getValue()), send,
                            ValueRange{zero});
    mpi::AllReduceOp::create(rewriter, loc, /*retval=*/Type(), send, recv,
                             toMPI(op.getKind()), adaptor.getComm());
    Value result =
        memref::LoadOp::create(rewriter, loc, recv, ValueRange{zero});
    rewriter.replaceOp(op,
                       fromAbi(rewriter, loc, result, op.getValue().getType()));
    return success();
  }
};

/// The mpi dialect has no gather: the runtime does one MPI_Gather into a
/// list at the root (None elsewhere), or one MPI_Allgather into a list on
/// every rank.
template <typename GatherLikeOp>
struct GatherLikeOpLowering : OpConversionPattern<GatherLikeOp> {
  using OpConversionPattern<GatherLikeOp>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(GatherLikeOp op, typename GatherLikeOp::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(matchCommWorld(op, op.getComm(), rewriter)))
      return failure();
    using nmc::RuntimeFunction;
    Type element = op.getValue().getType();
    SmallVector<Value> args{toAbi(rewriter, op.getLoc(), adaptor.getValue())};
    RuntimeFunction function;
    if constexpr (std::is_same_v<GatherLikeOp, nm::GatherOp>) {
      args.push_back(adaptor.getRoot());
      function = byElement(element, RuntimeFunction::nmrt_gather_f64,
                           RuntimeFunction::nmrt_gather_i64,
                           RuntimeFunction::nmrt_gather_bool);
    } else {
      function = byElement(element, RuntimeFunction::nmrt_allgather_f64,
                           RuntimeFunction::nmrt_allgather_i64,
                           RuntimeFunction::nmrt_allgather_bool);
    }
    rewriter.replaceOp(op, callRuntime(rewriter, op, function, args));
    return success();
  }
};

/// The mpi dialect has no broadcast: one MPI_Bcast in the runtime.
struct BcastOpLowering : OpConversionPattern<nm::BcastOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::BcastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(matchCommWorld(op, op.getComm(), rewriter)))
      return failure();
    Location loc = op.getLoc();
    Type type = op.getType();
    Value v = callRuntime(
        rewriter, op,
        byElement(type, nmc::RuntimeFunction::nmrt_bcast_f64,
                  nmc::RuntimeFunction::nmrt_bcast_i64,
                  nmc::RuntimeFunction::nmrt_bcast_bool),
        {toAbi(rewriter, loc, adaptor.getValue()), adaptor.getRoot()});
    rewriter.replaceOp(op, fromAbi(rewriter, loc, v, type));
    return success();
  }
};

/// The mpi dialect has no scan: one MPI_Scan in the runtime, which takes
/// the operator as its NMRT_OP_* code.
static_assert(NMRT_OP_SUM == static_cast<int>(nm::ReduceKind::sum) &&
                  NMRT_OP_PROD == static_cast<int>(nm::ReduceKind::prod) &&
                  NMRT_OP_MAX == static_cast<int>(nm::ReduceKind::max) &&
                  NMRT_OP_MIN == static_cast<int>(nm::ReduceKind::min) &&
                  NMRT_OP_LAND == static_cast<int>(nm::ReduceKind::land) &&
                  NMRT_OP_LOR == static_cast<int>(nm::ReduceKind::lor),
              "the runtime numbers reduction operators as nm does");

struct ScanOpLowering : OpConversionPattern<nm::ScanOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::ScanOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(matchCommWorld(op, op.getComm(), rewriter)))
      return failure();
    Location loc = op.getLoc();
    Type type = op.getType();
    Value kind =
        arith::ConstantIntOp::create(rewriter, loc, rewriter.getI64Type(),
                                     static_cast<int64_t>(op.getKind()));
    Value v = callRuntime(rewriter, op,
                          byElement(type, nmc::RuntimeFunction::nmrt_scan_f64,
                                    nmc::RuntimeFunction::nmrt_scan_i64,
                                    nmc::RuntimeFunction::nmrt_scan_bool),
                          {toAbi(rewriter, loc, adaptor.getValue()), kind});
    rewriter.replaceOp(op, fromAbi(rewriter, loc, v, type));
    return success();
  }
};

/// The element kind nmrt_list_new takes for `type`.
int64_t runtimeElementKind(Type type) {
  if (isa<nm::StrType>(type))
    return NMRT_ELEM_STR;
  if (type.isF64())
    return NMRT_ELEM_F64;
  if (type.isInteger(1))
    return NMRT_ELEM_BOOL;
  return NMRT_ELEM_I64;
}

/// The f64, i64, bool or str variant of a list function for `element`.
nmc::RuntimeFunction byListElement(Type element, nmc::RuntimeFunction f64,
                                   nmc::RuntimeFunction i64,
                                   nmc::RuntimeFunction boolean,
                                   nmc::RuntimeFunction str) {
  return isa<nm::StrType>(element) ? str
                                   : byElement(element, f64, i64, boolean);
}

struct ListFromElementsOpLowering
    : OpConversionPattern<nm::ListFromElementsOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::ListFromElementsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type element = op.getType().getElementType();
    Type i64 = rewriter.getI64Type();
    auto constant = [&](int64_t v) -> Value {
      return arith::ConstantIntOp::create(rewriter, loc, i64, v);
    };
    Value list = callRuntime(rewriter, op, nmc::RuntimeFunction::nmrt_list_new,
                             {constant(runtimeElementKind(element)),
                              constant(adaptor.getElements().size())});
    nmc::RuntimeFunction setter =
        byListElement(element, nmc::RuntimeFunction::nmrt_list_set_f64,
                      nmc::RuntimeFunction::nmrt_list_set_i64,
                      nmc::RuntimeFunction::nmrt_list_set_bool,
                      nmc::RuntimeFunction::nmrt_list_set_str);
    for (auto [i, v] : llvm::enumerate(adaptor.getElements()))
      callRuntime(rewriter, op, setter,
                  {list, constant(i), toAbi(rewriter, loc, v),
                   lineConstant(rewriter, loc)});
    rewriter.replaceOp(op, list);
    return success();
  }
};

/// Constants an op passes to its runtime function after its operands (and
/// before the source line).
SmallVector<int64_t> runtimeFlags(Operation *) { return {}; }
SmallVector<int64_t> runtimeFlags(nm::ListSearchOp op) {
  return {static_cast<int64_t>(op.getKind()), op.getNumba()};
}
SmallVector<int64_t> runtimeFlags(nm::ListExtendOp op) {
  return {op.getIadd()};
}
SmallVector<int64_t> runtimeFlags(nm::ListCopyOp op) {
  return {op.getMethod()};
}
/// The use picks the TypeError on None: len(), a loop, a slice.
SmallVector<int64_t> runtimeFlags(nm::ListLenOp op) {
  return {static_cast<int64_t>(op.getUse())};
}

/// Replaces `op` by a call of `function` with `operands` in the runtime's
/// ABI, `flags` and the source line; the call's result, if any, replaces
/// the op's.
void replaceByRuntimeCall(ConversionPatternRewriter &rewriter, Operation *op,
                          nmc::RuntimeFunction function, ValueRange operands,
                          ArrayRef<int64_t> flags) {
  Location loc = op->getLoc();
  SmallVector<Value> args;
  for (Value v : operands)
    args.push_back(toAbi(rewriter, loc, v));
  for (int64_t flag : flags)
    args.push_back(arith::ConstantIntOp::create(rewriter, loc,
                                                rewriter.getI64Type(), flag));
  args.push_back(lineConstant(rewriter, loc));
  Value result = callRuntime(rewriter, op, function, args);
  if (op->getNumResults() == 0)
    rewriter.eraseOp(op);
  else
    rewriter.replaceOp(
        op, fromAbi(rewriter, loc, result, op->getResult(0).getType()));
}

/// A null pointer: an absent list or str argument of a runtime function.
Value nullPointer(OpBuilder &b, Location loc) {
  return LLVM::ZeroOp::create(b, loc,
                              LLVM::LLVMPointerType::get(b.getContext()));
}

/// list.sort(): without keys the runtime sorts by the elements (a null
/// keys list).
struct ListSortOpLowering : OpConversionPattern<nm::ListSortOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::ListSortOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value keys = adaptor.getKeys();
    if (!keys)
      keys = nullPointer(rewriter, loc);
    replaceByRuntimeCall(rewriter, op, nmc::RuntimeFunction::nmrt_list_sort,
                         {adaptor.getList(), keys, adaptor.getReverse()}, {});
    return success();
  }
};

/// An op on a list that calls one runtime function.
template <typename Op, nmc::RuntimeFunction Function>
struct ListRuntimeOpLowering : OpConversionPattern<Op> {
  using OpConversionPattern<Op>::OpConversionPattern;
  using OpAdaptor = typename Op::Adaptor;
  LogicalResult
  matchAndRewrite(Op op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    replaceByRuntimeCall(rewriter, op, Function, adaptor.getOperands(),
                         runtimeFlags(op));
    return success();
  }
};

/// An op on a list whose runtime function depends on the list's element
/// type (f64, i64, bool, str): getting, storing, appending, inserting,
/// popping and searching elements.
template <typename Op, nmc::RuntimeFunction F64, nmc::RuntimeFunction I64,
          nmc::RuntimeFunction Bool, nmc::RuntimeFunction Str>
struct ListElementOpLowering : OpConversionPattern<Op> {
  using OpConversionPattern<Op>::OpConversionPattern;
  using OpAdaptor = typename Op::Adaptor;
  LogicalResult
  matchAndRewrite(Op op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type element = cast<nm::ListType>(op.getList().getType()).getElementType();
    replaceByRuntimeCall(rewriter, op,
                         byListElement(element, F64, I64, Bool, Str),
                         adaptor.getOperands(), runtimeFlags(op));
    return success();
  }
};

#define NMC_LIST_ELEMENT_LOWERING(Op, name)                                    \
  ListElementOpLowering<                                                       \
      Op, nmc::RuntimeFunction::name##_f64, nmc::RuntimeFunction::name##_i64,  \
      nmc::RuntimeFunction::name##_bool, nmc::RuntimeFunction::name##_str>

/// `a, b = l`: the length check, then each element.
struct ListUnpackOpLowering : OpConversionPattern<nm::ListUnpackOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::ListUnpackOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    using nmc::RuntimeFunction;
    Location loc = op.getLoc();
    Type i64 = rewriter.getI64Type();
    auto constant = [&](int64_t v) -> Value {
      return arith::ConstantIntOp::create(rewriter, loc, i64, v);
    };
    Value list = adaptor.getList();
    callRuntime(rewriter, op, RuntimeFunction::nmrt_list_unpack_check,
                {list, constant(op.getNumResults()), constant(op.getNumba()),
                 lineConstant(rewriter, loc)});
    Type element = op.getList().getType().getElementType();
    RuntimeFunction getter = byListElement(
        element, RuntimeFunction::nmrt_list_get_f64,
        RuntimeFunction::nmrt_list_get_i64, RuntimeFunction::nmrt_list_get_bool,
        RuntimeFunction::nmrt_list_get_str);
    SmallVector<Value> elements;
    for (unsigned i = 0; i < op.getNumResults(); ++i)
      elements.push_back(
          fromAbi(rewriter, loc,
                  callRuntime(rewriter, op, getter,
                              {list, constant(i), lineConstant(rewriter, loc)}),
                  element));
    rewriter.replaceOp(op, elements);
    return success();
  }
};

struct ArgvOpLowering : OpConversionPattern<nm::ArgvOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::ArgvOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op, callRuntime(rewriter, op, nmc::RuntimeFunction::nmrt_argv, {}));
    return success();
  }
};

struct WtimeOpLowering : OpConversionPattern<nm::WtimeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::WtimeOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op, callRuntime(rewriter, op, nmc::RuntimeFunction::nmrt_wtime, {}));
    return success();
  }
};

struct ClockOpLowering : OpConversionPattern<nm::ClockOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::ClockOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto function = op.getKind() == nm::ClockKind::time
                        ? nmc::RuntimeFunction::nmrt_time
                        : nmc::RuntimeFunction::nmrt_perf_counter;
    rewriter.replaceOp(op, callRuntime(rewriter, op, function, {}));
    return success();
  }
};

struct SleepOpLowering : OpConversionPattern<nm::SleepOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::SleepOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op, nmc::RuntimeFunction::nmrt_sleep,
                {adaptor.getSeconds(), lineConstant(rewriter, op.getLoc())});
    rewriter.eraseOp(op);
    return success();
  }
};

struct ExitOpLowering : OpConversionPattern<nm::ExitOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::ExitOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto function = isa<nm::StrType>(op.getValue().getType())
                        ? nmc::RuntimeFunction::nmrt_exit_message
                        : nmc::RuntimeFunction::nmrt_exit;
    callRuntime(rewriter, op, function, {adaptor.getValue()});
    rewriter.eraseOp(op);
    return success();
  }
};

struct ConstantStrOpLowering : OpConversionPattern<nm::ConstantStrOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::ConstantStrOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, stringAddress(rewriter, op, op.getValue()));
    return success();
  }
};

/// Whether `value` (an original, unconverted operand) is a string the
/// program made at run time whose only use is the op being lowered: that
/// op is its last use, after which it is freed.
bool isTemporaryString(Value value) {
  Operation *def = value.getDefiningOp();
  return def &&
         (isa<nm::FormatOp, nm::ReprOp, nm::ListReprOp, nm::StrConcatOp>(def) ||
          (isa<nm::StrMethodOp>(def) && isa<nm::StrType>(value.getType()))) &&
         value.hasOneUse();
}

/// Frees the operands of `op` that are temporary strings; `converted` are
/// their lowered values.
void freeTemporaryStrings(ConversionPatternRewriter &rewriter, Operation *op,
                          ValueRange converted) {
  for (auto [original, lowered] : llvm::zip(op->getOperands(), converted))
    if (isTemporaryString(original))
      callRuntime(rewriter, op, nmc::RuntimeFunction::nmrt_str_free, {lowered});
}

struct FormatOpLowering : OpConversionPattern<nm::FormatOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::FormatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    using nmc::RuntimeFunction;
    Type type = op.getValue().getType();
    RuntimeFunction function =
        isa<nm::StrType>(type)
            ? RuntimeFunction::nmrt_format_str
            : byElement(type, RuntimeFunction::nmrt_format_f64,
                        RuntimeFunction::nmrt_format_i64,
                        RuntimeFunction::nmrt_format_bool);
    Value result =
        callRuntime(rewriter, op, function,
                    {toAbi(rewriter, op.getLoc(), adaptor.getValue()),
                     adaptor.getSpec(), lineConstant(rewriter, op.getLoc())});
    freeTemporaryStrings(rewriter, op, adaptor.getOperands());
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// A str method: its runtime function with the operands, a null pointer
/// for absent chars or sep, the flags that pick the variant, and the line.
struct StrMethodOpLowering : OpConversionPattern<nm::StrMethodOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::StrMethodOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    using nmc::RuntimeFunction;
    Location loc = op.getLoc();
    SmallVector<Value> args(adaptor.getOperands());
    auto constant = [&](int64_t v) -> Value {
      return arith::ConstantIntOp::create(rewriter, loc, rewriter.getI64Type(),
                                          v);
    };
    RuntimeFunction function;
    bool withLine = true;
    switch (op.getMethod()) {
    case nm::StrMethod::upper:
      function = RuntimeFunction::nmrt_str_upper;
      break;
    case nm::StrMethod::lower:
      function = RuntimeFunction::nmrt_str_lower;
      break;
    case nm::StrMethod::strip:
    case nm::StrMethod::lstrip:
    case nm::StrMethod::rstrip:
      function = RuntimeFunction::nmrt_str_strip;
      if (args.size() == 1)
        args.push_back(nullPointer(rewriter, loc));
      args.push_back(constant(op.getMethod() == nm::StrMethod::strip    ? 0
                              : op.getMethod() == nm::StrMethod::lstrip ? 1
                                                                        : 2));
      break;
    case nm::StrMethod::startswith:
    case nm::StrMethod::endswith:
      function = RuntimeFunction::nmrt_str_affix;
      args.push_back(constant(op.getMethod() == nm::StrMethod::endswith));
      withLine = false;
      break;
    case nm::StrMethod::replace:
      function = RuntimeFunction::nmrt_str_replace;
      break;
    case nm::StrMethod::split:
      function = RuntimeFunction::nmrt_str_split;
      if (args.size() == 2)
        args.insert(args.begin() + 1, nullPointer(rewriter, loc));
      break;
    case nm::StrMethod::join:
      function = RuntimeFunction::nmrt_str_join;
      break;
    case nm::StrMethod::repeat:
      function = RuntimeFunction::nmrt_str_repeat;
      break;
    case nm::StrMethod::getitem:
      function = RuntimeFunction::nmrt_str_getitem;
      break;
    case nm::StrMethod::slice:
      function = RuntimeFunction::nmrt_str_slice;
      break;
    }
    if (withLine)
      args.push_back(lineConstant(rewriter, loc));
    Value result = callRuntime(rewriter, op, function, args);
    freeTemporaryStrings(rewriter, op, adaptor.getOperands());
    rewriter.replaceOp(op, fromAbi(rewriter, loc, result, op.getType()));
    return success();
  }
};

struct StrConcatOpLowering : OpConversionPattern<nm::StrConcatOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::StrConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    // Left to right; each partial result is freed once extended.
    ValueRange parts = adaptor.getParts();
    if (parts.empty()) {
      rewriter.replaceOp(op, stringAddress(rewriter, op, ""));
      return success();
    }
    Value result = parts[0];
    for (size_t i = 1; i < parts.size(); ++i) {
      Value joined =
          callRuntime(rewriter, op, nmc::RuntimeFunction::nmrt_str_concat,
                      {result, parts[i]});
      if (i > 1)
        callRuntime(rewriter, op, nmc::RuntimeFunction::nmrt_str_free,
                    {result});
      result = joined;
    }
    // One part is the result itself, which must not be freed.
    if (parts.size() > 1)
      freeTemporaryStrings(rewriter, op, parts);
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// An op of strings that the runtime function `function` computes from
/// its operands (repr, len, order, contains); the temporary strings among
/// them are freed after it.
template <typename StrOp, nmc::RuntimeFunction function>
struct StrRuntimeOpLowering : OpConversionPattern<StrOp> {
  using OpConversionPattern<StrOp>::OpConversionPattern;
  using OpAdaptor = typename StrOp::Adaptor;
  LogicalResult
  matchAndRewrite(StrOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value result = callRuntime(rewriter, op, function, adaptor.getOperands());
    freeTemporaryStrings(rewriter, op, adaptor.getOperands());
    rewriter.replaceOp(
        op, fromAbi(rewriter, op.getLoc(), result, op->getResult(0).getType()));
    return success();
  }
};

struct PrintOpLowering : OpConversionPattern<nm::PrintOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::PrintOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    using nmc::RuntimeFunction;
    Type type = op.getValue().getType();
    RuntimeFunction function =
        isa<nm::StrType>(type) ? RuntimeFunction::nmrt_print_str
        : isa<nm::ListType>(type)
            ? RuntimeFunction::nmrt_print_list
            : byElement(type, RuntimeFunction::nmrt_print_f64,
                        RuntimeFunction::nmrt_print_i64,
                        RuntimeFunction::nmrt_print_bool);
    callRuntime(rewriter, op, function,
                {toAbi(rewriter, op.getLoc(), adaptor.getValue())});
    freeTemporaryStrings(rewriter, op, adaptor.getOperands());
    rewriter.eraseOp(op);
    return success();
  }
};

Value streamConstant(OpBuilder &b, Location loc, bool toStderr) {
  return arith::ConstantIntOp::create(b, loc, b.getI64Type(), toStderr ? 2 : 1);
}

struct WriteOpLowering : OpConversionPattern<nm::WriteOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::WriteOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op, nmc::RuntimeFunction::nmrt_write,
                {adaptor.getText(),
                 streamConstant(rewriter, op.getLoc(), op.getStderr())});
    freeTemporaryStrings(rewriter, op, adaptor.getOperands());
    rewriter.eraseOp(op);
    return success();
  }
};

struct FlushOpLowering : OpConversionPattern<nm::FlushOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::FlushOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op, nmc::RuntimeFunction::nmrt_flush,
                {streamConstant(rewriter, op.getLoc(), op.getStderr())});
    rewriter.eraseOp(op);
    return success();
  }
};

struct RaiseOpLowering : OpConversionPattern<nm::RaiseOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::RaiseOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value exception = stringAddress(rewriter, op, op.getException());
    Value message = adaptor.getText()
                        ? adaptor.getText()
                        : stringAddress(rewriter, op, op.getMessage());
    callRuntime(rewriter, op, nmc::RuntimeFunction::nmrt_raise,
                {exception, message, lineConstant(rewriter, op.getLoc())});
    rewriter.eraseOp(op);
    return success();
  }
};

struct RaiseIndexErrorOpLowering : OpConversionPattern<nm::RaiseIndexErrorOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::RaiseIndexErrorOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op, nmc::RuntimeFunction::nmrt_index_error,
                {adaptor.getIndex(), adaptor.getAxis(), adaptor.getSize(),
                 lineConstant(rewriter, op.getLoc())});
    rewriter.eraseOp(op);
    return success();
  }
};

struct RaiseMemoryErrorOpLowering
    : OpConversionPattern<nm::RaiseMemoryErrorOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::RaiseMemoryErrorOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value itemsize = arith::ConstantIntOp::create(
        rewriter, op.getLoc(), rewriter.getI64Type(), op.getItemsize());
    callRuntime(rewriter, op, nmc::RuntimeFunction::nmrt_memory_error,
                {adaptor.getElements(), itemsize,
                 stringAddress(rewriter, op, op.getDtype()), adaptor.getShape(),
                 lineConstant(rewriter, op.getLoc())});
    rewriter.eraseOp(op);
    return success();
  }
};

/// The address of a 1-d f64 memref's first element, its length and its
/// stride in elements, as the runtime's strided functions take them.
SmallVector<Value> stridedDoubles(OpBuilder &b, Location loc, Value memref) {
  auto metadata = memref::ExtractStridedMetadataOp::create(b, loc, memref);
  Value aligned =
      memref::ExtractAlignedPointerAsIndexOp::create(b, loc, memref);
  auto toI64 = [&](Value index) {
    return arith::IndexCastOp::create(b, loc, b.getI64Type(), index)
        .getResult();
  };
  auto ptrType = LLVM::LLVMPointerType::get(b.getContext());
  Value base = LLVM::IntToPtrOp::create(b, loc, ptrType, toI64(aligned));
  Value first = LLVM::GEPOp::create(b, loc, ptrType, b.getF64Type(), base,
                                    ValueRange{toI64(metadata.getOffset())});
  return {first, toI64(metadata.getSizes()[0]),
          toI64(metadata.getStrides()[0])};
}

struct LibraryCallOpLowering : OpConversionPattern<nm::LibraryCallOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::LibraryCallOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    using nmc::RuntimeFunction;
    Location loc = op.getLoc();
    SmallVector<Value> args(adaptor.getOperands());
    // Every function but the pure ones raises at the op's line.
    bool raises = true;
    RuntimeFunction function;
    switch (op.getFunction()) {
    case nm::LibraryFunction::gcd:
      function = RuntimeFunction::nmrt_gcd;
      raises = false;
      break;
    case nm::LibraryFunction::factorial:
      function = RuntimeFunction::nmrt_factorial;
      break;
    case nm::LibraryFunction::pow_mod:
      function = RuntimeFunction::nmrt_pow_mod;
      break;
    case nm::LibraryFunction::round_digits:
      function = RuntimeFunction::nmrt_round_digits;
      break;
    case nm::LibraryFunction::round_digits_numba:
      function = RuntimeFunction::nmrt_round_digits_numba;
      raises = false;
      break;
    case nm::LibraryFunction::round_int_digits:
      function = RuntimeFunction::nmrt_round_int_digits;
      raises = false;
      break;
    case nm::LibraryFunction::isclose:
      function = RuntimeFunction::nmrt_isclose;
      break;
    case nm::LibraryFunction::fsum:
      if (isa<MemRefType>(args[0].getType())) {
        function = RuntimeFunction::nmrt_fsum_strided;
        args = stridedDoubles(rewriter, loc, args[0]);
      } else {
        function = RuntimeFunction::nmrt_fsum_list;
      }
      break;
    case nm::LibraryFunction::pairwise_sum:
      function = RuntimeFunction::nmrt_pairwise_sum_strided;
      args = stridedDoubles(rewriter, loc, args[0]);
      raises = false;
      break;
    case nm::LibraryFunction::sum:
    case nm::LibraryFunction::min:
    case nm::LibraryFunction::max: {
      // One runtime function per reduction and element kind: i64 for int
      // and bool lists (a bool min or max is truncated back).
      auto which = op.getFunction();
      bool isArray = isa<MemRefType>(args[0].getType());
      bool isFloat =
          isArray || cast<nm::ListType>(op.getOperands()[0].getType())
                         .getElementType()
                         .isF64();
      if (isArray)
        args = stridedDoubles(rewriter, loc, args[0]);
      if (which == nm::LibraryFunction::sum)
        function = isArray   ? RuntimeFunction::nmrt_strided_sum
                   : isFloat ? RuntimeFunction::nmrt_list_sum_f64
                             : RuntimeFunction::nmrt_list_sum_i64;
      else
        function = isArray   ? RuntimeFunction::nmrt_strided_extreme
                   : isFloat ? RuntimeFunction::nmrt_list_extreme_f64
                             : RuntimeFunction::nmrt_list_extreme_i64;
      if (which != nm::LibraryFunction::sum)
        args.push_back(
            arith::ConstantIntOp::create(rewriter, loc, rewriter.getI64Type(),
                                         which == nm::LibraryFunction::max));
      break;
    }
    case nm::LibraryFunction::int_from_str:
      function = RuntimeFunction::nmrt_str_to_i64;
      break;
    case nm::LibraryFunction::float_from_str:
      function = RuntimeFunction::nmrt_str_to_f64;
      break;
    }
    if (raises)
      args.push_back(lineConstant(rewriter, loc));
    Value result = callRuntime(rewriter, op, function, args);
    // An i1 result from a runtime i64 (the min of bools) or i8 (isclose).
    Type type = op.getResult().getType();
    if (type.isInteger(1) && result.getType().isInteger(64))
      result = arith::TruncIOp::create(rewriter, loc, type, result);
    else
      result = fromAbi(rewriter, loc, result, type);
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Any other op (memref.load/store/get_global, ub.poison, ...) whose
/// operands or results have nm types: the same op on the converted types.
struct OtherOpTypeConversion : ConversionPattern {
  OtherOpTypeConversion(TypeConverter &converter, MLIRContext *context)
      : ConversionPattern(converter, MatchAnyOpTypeTag(), /*benefit=*/1,
                          context) {}
  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    if (isa<nm::NMDialect>(op->getDialect()) || op->getNumRegions() ||
        getTypeConverter()->isLegal(op))
      return failure();
    SmallVector<Type> results;
    if (failed(getTypeConverter()->convertTypes(op->getResultTypes(), results)))
      return failure();
    OperationState state(op->getLoc(), op->getName(), operands, results,
                         op->getAttrs(), op->getSuccessors());
    rewriter.replaceOp(op, rewriter.create(state)->getResults());
    return success();
  }
};

/// A function's signature and the arguments of all its blocks (upstream's
/// function pattern converts the entry block only).
struct FuncOpTypeConversion : OpConversionPattern<func::FuncOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(func::FuncOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    const TypeConverter &converter = *getTypeConverter();
    FunctionType type = op.getFunctionType();
    TypeConverter::SignatureConversion signature(type.getNumInputs());
    SmallVector<Type> results;
    if (failed(converter.convertSignatureArgs(type.getInputs(), signature)) ||
        failed(converter.convertTypes(type.getResults(), results)))
      return failure();
    if (!op.isExternal() && failed(rewriter.convertRegionTypes(
                                &op.getBody(), converter, &signature)))
      return failure();
    rewriter.modifyOpInPlace(op, [&] {
      op.setType(FunctionType::get(op.getContext(),
                                   signature.getConvertedTypes(), results));
    });
    return success();
  }
};

/// memref.global of a list or string: its type is an attribute.
struct GlobalOpTypeConversion : OpConversionPattern<memref::GlobalOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(memref::GlobalOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = getTypeConverter()->convertType(op.getType());
    if (!type || type == op.getType())
      return failure();
    rewriter.modifyOpInPlace(op, [&] { op.setTypeAttr(TypeAttr::get(type)); });
    return success();
  }
};

struct ConvertNMToMPIPass : nmc::impl::ConvertNMToMPIBase<ConvertNMToMPIPass> {
  using ConvertNMToMPIBase::ConvertNMToMPIBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *context = &getContext();
    if (mpiImplementation != "OpenMPI" && mpiImplementation != "MPICH") {
      module.emitError("unknown MPI implementation '")
          << mpiImplementation << "' (expected OpenMPI or MPICH)";
      return signalPassFailure();
    }
    // The mpi dialect's lowering reads the implementation from DLTI; an
    // implementation the module already names is kept.
    auto key = StringAttr::get(context, "MPI:Implementation");
    auto map = module->getAttrOfType<MapAttr>(DLTIDialect::kMapAttrName);
    SmallVector<DataLayoutEntryInterface> entries;
    if (map)
      entries.append(map.getEntries().begin(), map.getEntries().end());
    if (!map || failed(map.query(key))) {
      entries.push_back(DataLayoutEntryAttr::get(
          key, StringAttr::get(context, mpiImplementation)));
      module->setAttr(DLTIDialect::kMapAttrName,
                      MapAttr::get(context, entries));
    }

    TypeConverter converter;
    nmc::populateNMToMPITypeConversions(converter);
    RewritePatternSet patterns(context);
    nmc::populateNMToMPIConversionPatterns(converter, patterns);
    ConversionTarget target(*context);
    target.addIllegalDialect<nm::NMDialect>();
    // Everything else is legal once no nm type is left in it.
    target.markUnknownOpDynamicallyLegal([&](Operation *op) {
      if (auto func = dyn_cast<func::FuncOp>(op))
        return converter.isSignatureLegal(func.getFunctionType()) &&
               converter.isLegal(&func.getBody());
      if (auto global = dyn_cast<memref::GlobalOp>(op))
        return converter.isLegal(global.getType());
      return converter.isLegal(op);
    });
    if (failed(applyPartialConversion(module, target, std::move(patterns))))
      return signalPassFailure();
    setSourceName(module);
  }

  /// The program tells the runtime its source file first thing.
  void setSourceName(ModuleOp module) {
    auto name = module->getAttrOfType<StringAttr>(
        nm::NMDialect::getSourceNameAttrName());
    auto main = module.lookupSymbol<func::FuncOp>("__nmc_main");
    if (!name || !main || main.isExternal())
      return;
    OpBuilder b(main.getBody());
    Location loc = main.getLoc();
    nmc::callRuntime(b, loc, nmc::RuntimeFunction::nmrt_set_source_name,
                     {stringAddress(b, loc, module, name.getValue())});
    module->removeAttr(nm::NMDialect::getSourceNameAttrName());
  }
};

} // namespace

void nmc::populateNMToMPITypeConversions(TypeConverter &converter) {
  converter.addConversion([](Type type) { return type; });
  converter.addConversion([](nm::CommType type) -> Type {
    return mpi::CommType::get(type.getContext());
  });
  // The runtime takes lists and strings as pointers.
  converter.addConversion([](nm::ListType type) -> Type {
    return LLVM::LLVMPointerType::get(type.getContext());
  });
  converter.addConversion([](nm::StrType type) -> Type {
    return LLVM::LLVMPointerType::get(type.getContext());
  });
  // Module-level lists and strings live in memref globals.
  converter.addConversion([&converter](MemRefType type) -> Type {
    Type element = converter.convertType(type.getElementType());
    if (!element || element == type.getElementType())
      return type;
    return MemRefType::get(type.getShape(), element, type.getLayout(),
                           type.getMemorySpace());
  });
}

void nmc::populateNMToMPIConversionPatterns(TypeConverter &converter,
                                            RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<
      GatherLikeOpLowering<nm::GatherOp>, GatherLikeOpLowering<nm::AllgatherOp>,
      CommWorldOpLowering, CommQueryLowering<nm::RankOp, mpi::CommRankOp>,
      CommQueryLowering<nm::SizeOp, mpi::CommSizeOp>, BarrierOpLowering,
      AllreduceOpLowering, BcastOpLowering, ScanOpLowering,
      ListFromElementsOpLowering, LibraryCallOpLowering,
      ListRuntimeOpLowering<nm::ListLenOp, nmc::RuntimeFunction::nmrt_list_len>,
      NMC_LIST_ELEMENT_LOWERING(nm::ListGetOp, nmrt_list_get),
      NMC_LIST_ELEMENT_LOWERING(nm::ListSetOp, nmrt_list_set),
      NMC_LIST_ELEMENT_LOWERING(nm::ListAppendOp, nmrt_list_append),
      NMC_LIST_ELEMENT_LOWERING(nm::ListInsertOp, nmrt_list_insert),
      NMC_LIST_ELEMENT_LOWERING(nm::ListPopOp, nmrt_list_pop),
      NMC_LIST_ELEMENT_LOWERING(nm::ListSearchOp, nmrt_list_search),
      ListRuntimeOpLowering<nm::ListRepeatOp,
                            nmc::RuntimeFunction::nmrt_list_repeat>,
      ListRuntimeOpLowering<nm::ListExtendOp,
                            nmc::RuntimeFunction::nmrt_list_extend>,
      ListRuntimeOpLowering<nm::ListConcatOp,
                            nmc::RuntimeFunction::nmrt_list_concat>,
      ListRuntimeOpLowering<nm::ListCopyOp,
                            nmc::RuntimeFunction::nmrt_list_copy>,
      ListRuntimeOpLowering<nm::ListSliceOp,
                            nmc::RuntimeFunction::nmrt_list_slice>,
      ListRuntimeOpLowering<nm::ListSetSliceOp,
                            nmc::RuntimeFunction::nmrt_list_set_slice>,
      ListSortOpLowering,
      ListRuntimeOpLowering<nm::ListReverseOp,
                            nmc::RuntimeFunction::nmrt_list_reverse>,
      ListRuntimeOpLowering<nm::ListClearOp,
                            nmc::RuntimeFunction::nmrt_list_clear>,
      ListRuntimeOpLowering<nm::ListRangeOp,
                            nmc::RuntimeFunction::nmrt_list_range>,
      ListUnpackOpLowering, ArgvOpLowering, WtimeOpLowering, ClockOpLowering,
      SleepOpLowering, ExitOpLowering, ConstantStrOpLowering, PrintOpLowering,
      RaiseOpLowering, RaiseIndexErrorOpLowering, RaiseMemoryErrorOpLowering,
      FormatOpLowering, StrConcatOpLowering, WriteOpLowering, FlushOpLowering,
      StrRuntimeOpLowering<nm::ReprOp, nmc::RuntimeFunction::nmrt_str_repr_new>,
      StrRuntimeOpLowering<nm::ListReprOp,
                           nmc::RuntimeFunction::nmrt_list_repr_new>,
      StrMethodOpLowering,
      StrRuntimeOpLowering<nm::StrLenOp, nmc::RuntimeFunction::nmrt_str_len>,
      StrRuntimeOpLowering<nm::StrCompareOp,
                           nmc::RuntimeFunction::nmrt_str_compare>,
      StrRuntimeOpLowering<nm::StrContainsOp,
                           nmc::RuntimeFunction::nmrt_str_contains>,
      OtherOpTypeConversion, GlobalOpTypeConversion, FuncOpTypeConversion>(
      converter, context);
  // Calls, returns and branches carry lists and strings too.
  populateCallOpTypeConversionPattern(patterns, converter);
  populateReturnOpTypeConversionPattern(patterns, converter);
  populateBranchOpInterfaceTypeConversionPattern(patterns, converter);
}
