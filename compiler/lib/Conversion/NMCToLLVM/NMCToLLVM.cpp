//===- NMCToLLVM.cpp - Everything nmc generates to the LLVM dialect -------===//

#include "nmc/Conversion/MPIToLLVM.h"
#include "nmc/Conversion/MemRefToLLVM.h"
#include "nmc/Conversion/Passes.h"

#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVM.h"
#include "mlir/Conversion/LLVMCommon/ConversionTarget.h"
#include "mlir/Conversion/LLVMCommon/TypeConverter.h"
#include "mlir/Conversion/MPIToLLVM/MPIToLLVM.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/MemRefToLLVM/MemRefToLLVM.h"
#include "mlir/Conversion/UBToLLVM/UBToLLVM.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MPI/IR/MPI.h"
#include "mlir/Transforms/DialectConversion.h"

namespace nmc {
#define GEN_PASS_DEF_CONVERTNMCTOLLVM
#include "nmc/Conversion/Passes.h.inc"
} // namespace nmc

using namespace mlir;

namespace {

struct ConvertNMCToLLVMPass
    : nmc::impl::ConvertNMCToLLVMBase<ConvertNMCToLLVMPass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    LLVMTypeConverter converter(context);

    // Upstream's allreduce lowering would take what nmc's declines and
    // treat a strided buffer as contiguous: reject those up front.
    WalkResult strided = getOperation().walk([](mpi::AllReduceOp op) {
      if (nmc::hasContiguousBuffers(op))
        return WalkResult::advance();
      op.emitError("allreduce of a strided buffer is not supported yet");
      return WalkResult::interrupt();
    });
    if (strided.wasInterrupted())
      return signalPassFailure();

    RewritePatternSet patterns(context);
    arith::populateArithToLLVMConversionPatterns(converter, patterns);
    cf::populateControlFlowToLLVMConversionPatterns(converter, patterns);
    populateFuncToLLVMConversionPatterns(converter, patterns);
    populateFinalizeMemRefToLLVMConversionPatterns(converter, patterns);
    nmc::populateMemRefAccessToLLVMPatterns(converter, patterns);
    populateMathToLLVMConversionPatterns(converter, patterns);
    ub::populateUBToLLVMConversionPatterns(converter, patterns);
    mpi::populateMPIToLLVMConversionPatterns(converter, patterns);
    nmc::populateMPIToLLVMGapPatterns(converter, patterns);

    LLVMConversionTarget target(*context);
    target.addLegalOp<ModuleOp>();
    if (failed(
            applyFullConversion(getOperation(), target, std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
