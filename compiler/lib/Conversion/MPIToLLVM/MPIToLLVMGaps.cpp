//===- MPIToLLVMGaps.cpp - nmc's patterns for upstream mpi gaps -----------===//
//
// Covers what MLIR 22's MPIToLLVM lowers wrongly or not at all; see
// MPIToLLVM.h. Communicators arrive as i64, as upstream's type conversion
// makes them; each implementation casts them back to its own handle type.
//
//===----------------------------------------------------------------------===//

#include "nmc/Conversion/MPIToLLVM.h"
#include "nmc/Support/EntryBlock.h"

#include "mlir/Conversion/LLVMCommon/MemRefBuilder.h"
#include "mlir/Conversion/LLVMCommon/Pattern.h"
#include "mlir/Dialect/DLTI/DLTI.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MPI/IR/MPI.h"

using namespace mlir;

namespace {

/// What differs between the MPI ABIs nmc links against.
class MPIImplementation {
public:
  explicit MPIImplementation(ModuleOp module) : module(module) {
    // Like upstream's lowering: MPICH's ABI unless the module says otherwise.
    auto attr = dlti::query(module, {"MPI:Implementation"},
                            /*emitError=*/false);
    auto name = succeeded(attr) ? dyn_cast<StringAttr>(*attr) : StringAttr();
    openMPI = name && name.getValue() == "OpenMPI";
  }

  /// The native communicator handle: a pointer in Open MPI, an int in MPICH.
  Value castComm(OpBuilder &b, Location loc, Value comm) const {
    if (openMPI)
      return LLVM::IntToPtrOp::create(b, loc, ptrType(), comm);
    return LLVM::TruncOp::create(b, loc, b.getI32Type(), comm);
  }

  Value dataType(OpBuilder &b, Location loc, Type type) const {
    if (openMPI) {
      StringRef name = type.isF64()         ? "ompi_mpi_double"
                       : type.isF32()       ? "ompi_mpi_float"
                       : type.isInteger(64) ? "ompi_mpi_int64_t"
                       : type.isInteger(32) ? "ompi_mpi_int32_t"
                                            : "ompi_mpi_int8_t";
      return externalAddress(b, loc, name, "ompi_predefined_datatype_t");
    }
    int32_t handle = type.isF64()         ? 0x4c00080b
                     : type.isF32()       ? 0x4c00040a
                     : type.isInteger(64) ? 0x4c00083a
                     : type.isInteger(32) ? 0x4c000439
                                          : 0x4c000137;
    return LLVM::ConstantOp::create(b, loc, b.getI32Type(), handle);
  }

  /// Open MPI exports its predefined operators as `ompi_mpi_op_<name>`.
  Value reductionOp(OpBuilder &b, Location loc,
                    mpi::MPI_ReductionOpEnum op) const {
    StringRef name = stringifyMPI_ReductionOpEnum(op); // e.g. MPI_SUM
    if (openMPI) {
      std::string symbol = "ompi_mpi_op_" + name.drop_front(4).lower();
      if (op == mpi::MPI_ReductionOpEnum::MPI_OP_NULL)
        symbol = "ompi_mpi_op_null";
      return externalAddress(b, loc, symbol, "ompi_predefined_op_t");
    }
    // MPICH numbers its operators in the enum's order from 0x58000001.
    int32_t handle = op == mpi::MPI_ReductionOpEnum::MPI_OP_NULL
                         ? 0x18000000
                         : 0x58000000 + static_cast<int32_t>(op);
    return LLVM::ConstantOp::create(b, loc, b.getI32Type(), handle);
  }

  LLVM::LLVMFuncOp function(OpBuilder &b, Location loc, StringRef name,
                            Type result, TypeRange args) const {
    if (auto f = module.lookupSymbol<LLVM::LLVMFuncOp>(name))
      return f;
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(module.getBody());
    return LLVM::LLVMFuncOp::create(
        b, loc, name,
        LLVM::LLVMFunctionType::get(result, SmallVector<Type>(args)));
  }

private:
  Type ptrType() const {
    return LLVM::LLVMPointerType::get(module.getContext());
  }

  Value externalAddress(OpBuilder &b, Location loc, StringRef symbol,
                        StringRef structName) const {
    if (!module.lookupSymbol<LLVM::GlobalOp>(symbol)) {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(module.getBody());
      auto type =
          LLVM::LLVMStructType::getOpaque(structName, module.getContext());
      LLVM::GlobalOp::create(b, loc, type, /*isConstant=*/false,
                             LLVM::Linkage::External, symbol, Attribute());
    }
    return LLVM::AddressOfOp::create(b, loc, ptrType(), symbol);
  }

  mutable ModuleOp module;
  bool openMPI = false;
};

/// Replaces `op` with the call's status, or erases it if unused.
void replaceWithStatus(ConversionPatternRewriter &rewriter, Operation *op,
                       LLVM::CallOp call, ValueRange extra = {}) {
  SmallVector<Value> replacements;
  if (op->getNumResults() > extra.size())
    replacements.push_back(call.getResult());
  replacements.append(extra.begin(), extra.end());
  rewriter.replaceOp(op, replacements);
}

/// A stack slot in the function's entry block (see
/// setInsertionPointToEntryBlock).
Value entryBlockSlot(ConversionPatternRewriter &rewriter, Operation *op,
                     Type type) {
  OpBuilder::InsertionGuard guard(rewriter);
  nmc::setInsertionPointToEntryBlock(rewriter, op);
  Location loc = op->getLoc();
  Value one = LLVM::ConstantOp::create(rewriter, loc, rewriter.getI32Type(), 1);
  return LLVM::AllocaOp::create(
      rewriter, loc, LLVM::LLVMPointerType::get(rewriter.getContext()), type,
      one);
}

/// MPI_Comm_rank and MPI_Comm_size: an int through a pointer. Upstream does
/// not lower comm_size, and lowers comm_rank with its slot inside loops.
template <typename QueryOp>
struct CommQueryLowering : ConvertOpToLLVMPattern<QueryOp> {
  CommQueryLowering(const LLVMTypeConverter &converter, StringRef function)
      : ConvertOpToLLVMPattern<QueryOp>(converter, /*benefit=*/2),
        function(function) {}

  LogicalResult
  matchAndRewrite(QueryOp op, typename QueryOp::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MPIImplementation mpi(op->template getParentOfType<ModuleOp>());
    Type i32 = rewriter.getI32Type();
    Type ptr = LLVM::LLVMPointerType::get(rewriter.getContext());
    Value comm = mpi.castComm(rewriter, loc, adaptor.getComm());
    auto f = mpi.function(rewriter, loc, function, i32, {comm.getType(), ptr});
    Value slot = entryBlockSlot(rewriter, op, i32);
    auto call = LLVM::CallOp::create(rewriter, loc, f, ValueRange{comm, slot});
    Value result = LLVM::LoadOp::create(rewriter, loc, i32, slot);
    replaceWithStatus(rewriter, op, call, result);
    return success();
  }

  std::string function;
};

struct BarrierOpLowering : ConvertOpToLLVMPattern<mpi::Barrier> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;
  LogicalResult
  matchAndRewrite(mpi::Barrier op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MPIImplementation mpi(op->getParentOfType<ModuleOp>());
    Value comm = mpi.castComm(rewriter, loc, adaptor.getComm());
    auto f = mpi.function(rewriter, loc, "MPI_Barrier", rewriter.getI32Type(),
                          {comm.getType()});
    auto call = LLVM::CallOp::create(rewriter, loc, f, ValueRange{comm});
    replaceWithStatus(rewriter, op, call);
    return success();
  }
};

/// The address of a buffer's first element.
Value bufferStart(ConversionPatternRewriter &rewriter, Location loc,
                  Value descriptor, MemRefType type) {
  MemRefDescriptor memref(descriptor);
  return LLVM::GEPOp::create(
      rewriter, loc, LLVM::LLVMPointerType::get(rewriter.getContext()),
      type.getElementType(), memref.alignedPtr(rewriter, loc),
      ValueRange{memref.offset(rewriter, loc)});
}

/// The number of elements of a contiguous buffer, all dimensions
/// (upstream passes only the first), as MPI's int count.
Value elementCount(ConversionPatternRewriter &rewriter, Location loc,
                   Value descriptor, MemRefType type) {
  MemRefDescriptor memref(descriptor);
  Value count =
      LLVM::ConstantOp::create(rewriter, loc, rewriter.getI64Type(), 1);
  for (int64_t d = 0; d < type.getRank(); ++d)
    count = LLVM::MulOp::create(rewriter, loc, count,
                                memref.size(rewriter, loc, d));
  return LLVM::TruncOp::create(rewriter, loc, rewriter.getI32Type(), count);
}

struct AllReduceOpLowering : ConvertOpToLLVMPattern<mpi::AllReduceOp> {
  AllReduceOpLowering(const LLVMTypeConverter &converter)
      : ConvertOpToLLVMPattern(converter, /*benefit=*/2) {}

  LogicalResult
  matchAndRewrite(mpi::AllReduceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!nmc::hasContiguousBuffers(op))
      return rewriter.notifyMatchFailure(op, "buffers must be contiguous");
    auto sendType = cast<MemRefType>(op.getSendbuf().getType());
    auto recvType = cast<MemRefType>(op.getRecvbuf().getType());
    Location loc = op.getLoc();
    MPIImplementation mpi(op->getParentOfType<ModuleOp>());
    Value send = bufferStart(rewriter, loc, adaptor.getSendbuf(), sendType);
    Value count = elementCount(rewriter, loc, adaptor.getSendbuf(), sendType);
    Value recv = bufferStart(rewriter, loc, adaptor.getRecvbuf(), recvType);
    Value dataType = mpi.dataType(rewriter, loc, sendType.getElementType());
    Value reduce = mpi.reductionOp(rewriter, loc, op.getOp());
    Value comm = mpi.castComm(rewriter, loc, adaptor.getComm());
    Type ptr = LLVM::LLVMPointerType::get(rewriter.getContext());
    auto f = mpi.function(rewriter, loc, "MPI_Allreduce", rewriter.getI32Type(),
                          {ptr, ptr, rewriter.getI32Type(), dataType.getType(),
                           reduce.getType(), comm.getType()});
    auto call = LLVM::CallOp::create(
        rewriter, loc, f,
        ValueRange{send, recv, count, dataType, reduce, comm});
    replaceWithStatus(rewriter, op, call);
    return success();
  }
};

} // namespace

bool nmc::hasContiguousBuffers(mpi::AllReduceOp op) {
  return llvm::all_of(
      ValueRange{op.getSendbuf(), op.getRecvbuf()}, [](Value buffer) {
        return cast<MemRefType>(buffer.getType()).getLayout().isIdentity();
      });
}

void nmc::populateMPIToLLVMGapPatterns(LLVMTypeConverter &converter,
                                       RewritePatternSet &patterns) {
  patterns.add<CommQueryLowering<mpi::CommRankOp>>(converter, "MPI_Comm_rank");
  patterns.add<CommQueryLowering<mpi::CommSizeOp>>(converter, "MPI_Comm_size");
  patterns.add<BarrierOpLowering, AllReduceOpLowering>(converter);
}
