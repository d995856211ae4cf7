//===- Passes.cpp - The MLIR pass pipelines of nmc ------------------------===//

#include "nmc/Conversion/Passes.h"
#include "nmc/Pipeline/Pipeline.h"

#include "mlir/Conversion/MathToFuncs/MathToFuncs.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/LLVMIR/Transforms/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void nmc::registerNMCPasses() { registerNMCConversionPasses(); }

LogicalResult nmc::optimizeNM(ModuleOp module) {
  PassManager pm(module->getContext());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  return pm.run(module);
}

LogicalResult nmc::lowerNMToMPI(ModuleOp module) {
  PassManager pm(module->getContext());
  pm.addPass(createConvertNMToMPI());
  pm.addPass(createCanonicalizerPass());
  return pm.run(module);
}

LogicalResult nmc::lowerToLLVMDialect(ModuleOp module, bool debugInfo) {
  PassManager pm(module->getContext());
  pm.addPass(createSCFToControlFlowPass());
  // Integer powers become generated functions; everything else in math has
  // an LLVM intrinsic.
  pm.addPass(createConvertMathToFuncs());
  // floordivsi, ceildivsi and the like have no direct LLVM lowering.
  pm.addPass(arith::createArithExpandOpsPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createConvertNMCToLLVM());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createCanonicalizerPass());
  if (debugInfo)
    pm.addPass(LLVM::createDIScopeForLLVMFuncOpPass());
  return pm.run(module);
}
