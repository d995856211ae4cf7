//===- MemRefAccessToLLVM.cpp - memref.load/store without nuw -------------===//
//
// See nmc/Conversion/MemRefToLLVM.h for why upstream's lowering of these
// two ops cannot be used.
//
//===----------------------------------------------------------------------===//

#include "nmc/Conversion/MemRefToLLVM.h"

#include "mlir/Conversion/LLVMCommon/Pattern.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

using namespace mlir;

namespace {

/// The element's address: base + offset + sum(index * stride), signed.
/// `inbounds` holds because the access is inside the allocation; `nuw`
/// would not for a negative stride.
template <typename AccessOp>
Value elementAddress(const LLVMTypeConverter &converter, AccessOp op,
                     typename AccessOp::Adaptor adaptor, OpBuilder &builder) {
  return LLVM::getStridedElementPtr(
      builder, op.getLoc(), converter, op.getMemRefType(), adaptor.getMemref(),
      adaptor.getIndices(), LLVM::GEPNoWrapFlags::inbounds);
}

unsigned alignmentOf(std::optional<uint64_t> alignment) {
  return alignment ? *alignment : 0;
}

struct LoadOpLowering : ConvertOpToLLVMPattern<memref::LoadOp> {
  LoadOpLowering(const LLVMTypeConverter &converter)
      : ConvertOpToLLVMPattern(converter, /*benefit=*/2) {}

  LogicalResult
  matchAndRewrite(memref::LoadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type elementType =
        getTypeConverter()->convertType(op.getMemRefType().getElementType());
    Value address = elementAddress(*getTypeConverter(), op, adaptor, rewriter);
    rewriter.replaceOpWithNewOp<LLVM::LoadOp>(
        op, elementType, address, alignmentOf(op.getAlignment()),
        /*isVolatile=*/false, op.getNontemporal());
    return success();
  }
};

struct StoreOpLowering : ConvertOpToLLVMPattern<memref::StoreOp> {
  StoreOpLowering(const LLVMTypeConverter &converter)
      : ConvertOpToLLVMPattern(converter, /*benefit=*/2) {}

  LogicalResult
  matchAndRewrite(memref::StoreOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value address = elementAddress(*getTypeConverter(), op, adaptor, rewriter);
    rewriter.replaceOpWithNewOp<LLVM::StoreOp>(
        op, adaptor.getValue(), address, alignmentOf(op.getAlignment()),
        /*isVolatile=*/false, op.getNontemporal());
    return success();
  }
};

} // namespace

void nmc::populateMemRefAccessToLLVMPatterns(LLVMTypeConverter &converter,
                                             RewritePatternSet &patterns) {
  patterns.add<LoadOpLowering, StoreOpLowering>(converter);
}
