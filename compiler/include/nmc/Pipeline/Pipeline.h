//===- Pipeline.h - From MLIR to an executable ------------------*- C++ -*-===//
//
// The stages after MLIR generation, each callable on its own so that
// `nmc --emit=STAGE` can stop after any of them:
//   nm        canonicalised nm + func/cf/arith/math/memref
//   mpi       nm lowered to the mpi dialect and runtime calls
//   llvm-mlir everything in the LLVM dialect
//   llvm      LLVM IR, optimised for the host CPU
//   asm/obj   machine code, emitted in-process
//   exe       linked with the runtime and libmpi by the system C compiler
//
//===----------------------------------------------------------------------===//

#ifndef NMC_PIPELINE_PIPELINE_H
#define NMC_PIPELINE_PIPELINE_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"
#include "mlir/Support/LLVM.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>

namespace nmc {

/// Registers every dialect that generated code and its lowering use, and
/// their translation to LLVM IR.
void registerNMCDialects(mlir::DialectRegistry &registry);

/// Registers nmc's passes with MLIR's pass registry (for nm-opt).
void registerNMCPasses();

/// Options of the nmc-to-llvm pipeline.
struct NMCToLLVMPipelineOptions
    : public mlir::PassPipelineOptions<NMCToLLVMPipelineOptions> {
  Option<bool> debugInfo{*this, "debug-info",
                         llvm::cl::desc("Give every function a debug scope "
                                        "(nmc -g)"),
                         llvm::cl::init(false)};
};

/// The pipelines behind each --emit stage. nmc runs them; nm-opt has them
/// by name (registerNMCPipelines), so that
/// `nm-opt --pass-pipeline='builtin.module(nm-to-mpi)'` reproduces a stage.
void buildNMOptimizePipeline(mlir::OpPassManager &pm);
void buildNMToMPIPipeline(mlir::OpPassManager &pm);
void buildNMCToLLVMPipeline(mlir::OpPassManager &pm,
                            const NMCToLLVMPipelineOptions &options);
/// Registers nm-optimize, nm-to-mpi and nmc-to-llvm.
void registerNMCPipelines();

/// Canonicalisation and CSE on the nm-level module.
mlir::LogicalResult optimizeNM(mlir::ModuleOp module);
/// nm -> mpi + runtime calls.
mlir::LogicalResult lowerNMToMPI(mlir::ModuleOp module);
/// mpi/func/cf/arith/math/memref -> LLVM dialect. With `debugInfo`, every
/// function gets a debug scope so source lines reach DWARF.
mlir::LogicalResult lowerToLLVMDialect(mlir::ModuleOp module, bool debugInfo);

/// A TargetMachine for the host CPU and its features, or null with `error`.
std::unique_ptr<llvm::TargetMachine>
createHostTargetMachine(int optLevel, std::string &error);

/// Translates to LLVM IR and runs LLVM's optimisation pipeline at
/// `optLevel` (0-3) for `machine`.
std::unique_ptr<llvm::Module> translateAndOptimize(mlir::ModuleOp module,
                                                   llvm::LLVMContext &context,
                                                   llvm::TargetMachine &machine,
                                                   int optLevel);

/// Writes assembly or an object file for `module`.
bool emitMachineCode(llvm::Module &module, llvm::TargetMachine &machine,
                     bool assembly, llvm::raw_pwrite_stream &os,
                     std::string &error);

/// Links `objectPath` with the nmc runtime and MPI into `outputPath`.
bool linkExecutable(const std::string &objectPath,
                    const std::string &outputPath, std::string &error);

} // namespace nmc

#endif // NMC_PIPELINE_PIPELINE_H
