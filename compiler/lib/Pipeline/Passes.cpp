//===- Passes.cpp - The MLIR pass pipelines of nmc ------------------------===//

#include "nmc/Conversion/Passes.h"
#include "nmc/Config.h"
#include "nmc/Pipeline/Pipeline.h"
#include "nmc/Transforms/Passes.h"

#include "mlir/Conversion/AffineToStandard/AffineToStandard.h"
#include "mlir/Conversion/MathToFuncs/MathToFuncs.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/LLVMIR/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

/// Runs the passes `addPasses` adds, honouring --mlir-print-ir-after-all
/// and the other pass-manager options.
static LogicalResult
runPasses(ModuleOp module, llvm::function_ref<void(PassManager &)> addPasses) {
  PassManager pm(module->getContext());
  if (failed(applyPassManagerCLOptions(pm)))
    return failure();
  addPasses(pm);
  return pm.run(module);
}

// nmc::createCanonicalize replaces upstream's canonicalizer wherever cf
// branches exist: MLIR 22's loops forever on a loop that becomes unreachable
// while it runs (see Transforms/Passes.td).
void nmc::buildNMOptimizePipeline(OpPassManager &pm) {
  pm.addPass(nmc::createCanonicalize());
  pm.addPass(createCSEPass());
}

void nmc::buildNMToMPIPipeline(OpPassManager &pm) {
  pm.addPass(createConvertNMToMPI(
      ConvertNMToMPIOptions{/*mpiImplementation=*/NMC_MPI_IMPLEMENTATION}));
  pm.addPass(nmc::createCanonicalize());
}

void nmc::buildNMCToLLVMPipeline(OpPassManager &pm,
                                 const NMCToLLVMPipelineOptions &options) {
  // Whole-array expressions (one linalg op each) become scf loop nests.
  pm.addPass(createConvertLinalgToLoopsPass());
  pm.addPass(createSCFToControlFlowPass());
  // Integer powers become generated functions; everything else in math
  // has an LLVM intrinsic.
  pm.addPass(createConvertMathToFuncs());
  // floordivsi, ceildivsi and the like have no direct LLVM lowering.
  pm.addPass(arith::createArithExpandOpsPass());
  // Views (subview) become offset/size/stride arithmetic in affine.apply,
  // which lower-affine turns into arith.
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createConvertNMCToLLVM());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createCanonicalizerPass());
  if (options.debugInfo)
    pm.addPass(LLVM::createDIScopeForLLVMFuncOpPass());
}

void nmc::registerNMCPipelines() {
  PassPipelineRegistration<>(
      "nm-optimize", "nmc's nm-level optimisation (what --emit=nm shows)",
      buildNMOptimizePipeline);
  PassPipelineRegistration<>(
      "nm-to-mpi", "nm to the mpi dialect and runtime calls (--emit=mpi)",
      buildNMToMPIPipeline);
  PassPipelineRegistration<NMCToLLVMPipelineOptions>(
      "nmc-to-llvm", "everything to the LLVM dialect (--emit=llvm-mlir)",
      buildNMCToLLVMPipeline);
}

LogicalResult nmc::optimizeNM(ModuleOp module) {
  return runPasses(module, buildNMOptimizePipeline);
}

LogicalResult nmc::lowerNMToMPI(ModuleOp module) {
  return runPasses(module, buildNMToMPIPipeline);
}

LogicalResult nmc::lowerToLLVMDialect(ModuleOp module, bool debugInfo) {
  NMCToLLVMPipelineOptions options;
  options.debugInfo = debugInfo;
  return runPasses(
      module, [&](PassManager &pm) { buildNMCToLLVMPipeline(pm, options); });
}
