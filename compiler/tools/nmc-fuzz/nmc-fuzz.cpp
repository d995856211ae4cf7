//===- nmc-fuzz.cpp - libFuzzer target over nmc's front end ---------------===//
//
// Feeds arbitrary bytes as a program through lexing, parsing, AST building,
// type inference, MLIR generation and verification. Every input must end in
// a result or a located error: a crash, an assertion or a sanitizer report
// is a bug. Built with -DNMC_FUZZ=ON and clang (docs/testing.md).
//
//===----------------------------------------------------------------------===//

#include "nmc/MLIRGen/MLIRGen.h"
#include "nmc/Parse/Parser.h"
#include "nmc/Pipeline/Pipeline.h"
#include "nmc/Sema/TypeInference.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string source(reinterpret_cast<const char *>(data), size);
  nmc::DiagnosticEngine diags("fuzz.npy", std::move(source));
  std::unique_ptr<nmc::ast::Module> module = nmc::parseModule(diags);
  if (!module)
    return 0;
  std::unique_ptr<nmc::sema::Program> program =
      nmc::sema::inferTypes(*module, diags);
  if (!program)
    return 0;
  static mlir::DialectRegistry *registry = [] {
    auto *r = new mlir::DialectRegistry();
    nmc::registerNMCDialects(*r);
    return r;
  }();
  mlir::MLIRContext context(*registry);
  context.loadAllAvailableDialects();
  // Notes and errors from MLIR itself go to the context's default handler.
  nmc::MLIRGenOptions options;
  (void)nmc::generateMLIR(context, *program, diags, options);
  return 0;
}
