//===- nm-opt.cpp - mlir-opt with the nm dialect and nmc's passes ---------===//

#include "nmc/Pipeline/Pipeline.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  nmc::registerNMCPasses();
  nmc::registerNMCPipelines();
  mlir::DialectRegistry registry;
  nmc::registerNMCDialects(registry);
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "nm optimizer driver\n", registry));
}
