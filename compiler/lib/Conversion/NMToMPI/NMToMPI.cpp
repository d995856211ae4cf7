//===- NMToMPI.cpp - nm to mpi and runtime calls --------------------------===//

#include "nmc/Conversion/NMToMPI.h"

#include "nm/IR/NMOps.h"
#include "nmc/Conversion/Passes.h"
#include "nmc/Support/EntryBlock.h"
#include "nmc/Support/RuntimeFunctions.h"

#include "nmrt.h"

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

/// The runtime's name suffix for a scalar element type (nmrt_gather_f64...).
StringRef runtimeSuffix(Type type) {
  if (type.isF64())
    return "f64";
  if (type.isInteger(1))
    return "bool";
  return "i64";
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

/// The runtime takes every list as a plain pointer, whatever its element
/// type; the casts disappear when lists become pointers in the LLVM
/// lowering.
Value listToPointer(OpBuilder &b, Location loc, Value list) {
  Type ptr = LLVM::LLVMPointerType::get(b.getContext());
  return UnrealizedConversionCastOp::create(b, loc, ptr, list).getResult(0);
}

Value pointerToList(OpBuilder &b, Location loc, Value ptr, Type listType) {
  return UnrealizedConversionCastOp::create(b, loc, listType, ptr).getResult(0);
}

Value callRuntime(ConversionPatternRewriter &rewriter, Operation *op,
                  StringRef name, TypeRange results, ValueRange args) {
  return nmc::callRuntime(rewriter, op->getLoc(), name, results, args);
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
  GatherLikeOpLowering(TypeConverter &converter, MLIRContext *context,
                       StringRef runtimePrefix)
      : OpConversionPattern<GatherLikeOp>(converter, context),
        runtimePrefix(runtimePrefix) {}

  LogicalResult
  matchAndRewrite(GatherLikeOp op, typename GatherLikeOp::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(matchCommWorld(op, op.getComm(), rewriter)))
      return failure();
    Type element = op.getValue().getType();
    SmallVector<Value> args{toAbi(rewriter, op.getLoc(), adaptor.getValue())};
    if constexpr (std::is_same_v<GatherLikeOp, nm::GatherOp>)
      args.push_back(adaptor.getRoot());
    Value result = callRuntime(
        rewriter, op, (runtimePrefix + runtimeSuffix(element)).str(),
        LLVM::LLVMPointerType::get(op.getContext()), args);
    rewriter.replaceOp(
        op, pointerToList(rewriter, op.getLoc(), result, op.getType()));
    return success();
  }

  std::string runtimePrefix;
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
        rewriter, op, ("nmrt_bcast_" + runtimeSuffix(type)).str(),
        abiType(type),
        {toAbi(rewriter, loc, adaptor.getValue()), adaptor.getRoot()});
    rewriter.replaceOp(op, fromAbi(rewriter, loc, v, type));
    return success();
  }
};

/// The element kind nmrt_list_new takes for `type`.
int64_t runtimeElementKind(Type type) {
  if (type.isF64())
    return NMRT_ELEM_F64;
  if (type.isInteger(1))
    return NMRT_ELEM_BOOL;
  return NMRT_ELEM_I64;
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
    Value list = callRuntime(rewriter, op, "nmrt_list_new",
                             LLVM::LLVMPointerType::get(getContext()),
                             {constant(runtimeElementKind(element)),
                              constant(adaptor.getElements().size())});
    std::string setter = ("nmrt_list_set_" + runtimeSuffix(element)).str();
    for (auto [i, v] : llvm::enumerate(adaptor.getElements()))
      callRuntime(rewriter, op, setter, {},
                  {list, constant(i), toAbi(rewriter, loc, v),
                   lineConstant(rewriter, loc)});
    rewriter.replaceOp(op, pointerToList(rewriter, loc, list, op.getType()));
    return success();
  }
};

struct ListPrintOpLowering : OpConversionPattern<nm::ListPrintOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::ListPrintOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op, "nmrt_print_list", {},
                {listToPointer(rewriter, op.getLoc(), adaptor.getList())});
    rewriter.eraseOp(op);
    return success();
  }
};

struct ListLenOpLowering : OpConversionPattern<nm::ListLenOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::ListLenOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    // A for loop and len() raise different TypeErrors on None.
    StringRef name = op.getIter() ? "nmrt_list_iter_len" : "nmrt_list_len";
    Value length =
        callRuntime(rewriter, op, name, rewriter.getI64Type(),
                    {listToPointer(rewriter, op.getLoc(), adaptor.getList()),
                     lineConstant(rewriter, op.getLoc())});
    rewriter.replaceOp(op, length);
    return success();
  }
};

struct ListGetOpLowering : OpConversionPattern<nm::ListGetOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::ListGetOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type element = op.getType();
    Value v = callRuntime(
        rewriter, op, ("nmrt_list_get_" + runtimeSuffix(element)).str(),
        abiType(element),
        {listToPointer(rewriter, op.getLoc(), adaptor.getList()),
         adaptor.getIndex(), lineConstant(rewriter, op.getLoc())});
    rewriter.replaceOp(op, fromAbi(rewriter, op.getLoc(), v, element));
    return success();
  }
};

struct WtimeOpLowering : OpConversionPattern<nm::WtimeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(nm::WtimeOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op, callRuntime(rewriter, op, "nmrt_wtime", rewriter.getF64Type(), {}));
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
    converter.addConversion([](Type type) { return type; });
    nmc::populateNMToMPITypeConversions(converter);
    RewritePatternSet patterns(context);
    nmc::populateNMToMPIConversionPatterns(converter, patterns);
    ConversionTarget target(*context);
    target.addIllegalDialect<nm::NMDialect>();
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    if (failed(applyPartialConversion(module, target, std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void nmc::populateNMToMPITypeConversions(TypeConverter &converter) {
  converter.addConversion([](nm::CommType type) -> Type {
    return mpi::CommType::get(type.getContext());
  });
}

void nmc::populateNMToMPIConversionPatterns(TypeConverter &converter,
                                            RewritePatternSet &patterns) {
  patterns.add<GatherLikeOpLowering<nm::GatherOp>>(
      converter, patterns.getContext(), "nmrt_gather_");
  patterns.add<GatherLikeOpLowering<nm::AllgatherOp>>(
      converter, patterns.getContext(), "nmrt_allgather_");
  patterns
      .add<CommWorldOpLowering, CommQueryLowering<nm::RankOp, mpi::CommRankOp>,
           CommQueryLowering<nm::SizeOp, mpi::CommSizeOp>, BarrierOpLowering,
           AllreduceOpLowering, BcastOpLowering, ListFromElementsOpLowering,
           ListPrintOpLowering, ListLenOpLowering, ListGetOpLowering,
           WtimeOpLowering>(converter, patterns.getContext());
}
