//===- nmc.cpp - The nmc compiler driver ----------------------------------===//
//
//   nmc prog.npy -o prog          compile and link an MPI executable
//   nmc --emit=STAGE prog.npy     stop after STAGE and print it
//
// User errors are reported as `file:line:col: error: ...` and give exit
// status 1.
//
//===----------------------------------------------------------------------===//

#include "nmc/Config.h"
#include "nmc/MLIRGen/MLIRGen.h"
#include "nmc/Parse/Parser.h"
#include "nmc/Pipeline/Pipeline.h"
#include "nmc/Sema/TypeInference.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

using namespace nmc;
namespace cl = llvm::cl;

namespace {

enum class Emit { Tokens, AST, Typed, NM, MPI, LLVMMLIR, LLVM, Asm, Obj, Exe };

cl::OptionCategory category("nmc options");

cl::opt<std::string> inputFilename(cl::Positional, cl::desc("<input .npy>"),
                                   cl::Required, cl::cat(category));
cl::opt<std::string> outputFilename("o", cl::desc("Output file"),
                                    cl::value_desc("file"), cl::cat(category));
cl::opt<unsigned> optLevel("O", cl::desc("Optimisation level 0-3 (default 2)"),
                           cl::Prefix, cl::init(2), cl::cat(category));
cl::opt<bool> compileOnly("c", cl::desc("Write an object file, do not link"),
                          cl::cat(category));
cl::opt<bool> assemblyOnly("S", cl::desc("Write assembly, do not link"),
                           cl::cat(category));
cl::opt<bool> debugInfo("g", cl::desc("Emit debug information"),
                        cl::cat(category));
cl::opt<bool> boundsCheck("boundscheck",
                          cl::desc("Check array indices (IndexError)"),
                          cl::cat(category));
cl::opt<Emit> emit(
    "emit", cl::desc("Stop after a stage and print it"), cl::init(Emit::Exe),
    cl::values(
        clEnumValN(Emit::Tokens, "tokens", "tokens after INDENT/DEDENT"),
        clEnumValN(Emit::AST, "ast", "the abstract syntax tree"),
        clEnumValN(Emit::Typed, "typed", "function instances with types"),
        clEnumValN(Emit::NM, "nm", "MLIR with the nm dialect"),
        clEnumValN(Emit::MPI, "mpi", "MLIR with nm lowered to mpi"),
        clEnumValN(Emit::LLVMMLIR, "llvm-mlir", "MLIR in the LLVM dialect"),
        clEnumValN(Emit::LLVM, "llvm", "optimised LLVM IR"),
        clEnumValN(Emit::Asm, "asm", "assembly"),
        clEnumValN(Emit::Obj, "obj", "an object file")),
    cl::cat(category));

/// Prints MLIR diagnostics with a source location like the frontend's.
class MLIRDiagnosticPrinter {
public:
  MLIRDiagnosticPrinter(mlir::MLIRContext &context, DiagnosticEngine &diags)
      : handler(&context, [&diags](mlir::Diagnostic &diag) {
          SourceLoc loc{1, 1};
          if (auto fileLoc =
                  diag.getLocation()->findInstanceOf<mlir::FileLineColLoc>())
            loc = {static_cast<int>(fileLoc.getLine()),
                   static_cast<int>(fileLoc.getColumn())};
          if (diag.getSeverity() == mlir::DiagnosticSeverity::Error)
            diags.error(loc, diag.str());
          else
            diags.note(loc, diag.str());
          return mlir::success();
        }) {}

private:
  mlir::ScopedDiagnosticHandler handler;
};

int fail(const std::string &message) {
  llvm::errs() << "nmc: error: " << message << "\n";
  return 1;
}

/// Where a stage's text goes: -o FILE, else standard output.
std::unique_ptr<llvm::ToolOutputFile> openOutput(std::string &error) {
  std::error_code ec;
  std::string path = outputFilename.empty() ? "-" : outputFilename.getValue();
  auto file = std::make_unique<llvm::ToolOutputFile>(path, ec,
                                                     llvm::sys::fs::OF_None);
  if (ec) {
    error = "cannot open '" + path + "': " + ec.message();
    return nullptr;
  }
  return file;
}

template <typename PrintFn> int printStage(PrintFn print) {
  std::string error;
  auto out = openOutput(error);
  if (!out)
    return fail(error);
  print(out->os());
  out->keep();
  return 0;
}

int compile(DiagnosticEngine &diags) {
  if (emit == Emit::Tokens)
    return printStage([&](llvm::raw_ostream &os) { dumpTokens(diags, os); }) ||
           diags.hasErrors();

  std::unique_ptr<ast::Module> module = parseModule(diags);
  if (!module)
    return 1;
  if (emit == Emit::AST)
    return printStage([&](llvm::raw_ostream &os) { ast::dump(*module, os); });

  std::unique_ptr<sema::Program> program = sema::inferTypes(*module, diags);
  if (!program)
    return 1;
  if (emit == Emit::Typed)
    return printStage([&](llvm::raw_ostream &os) { sema::dump(*program, os); });

  mlir::DialectRegistry registry;
  registerNMCDialects(registry);
  mlir::MLIRContext context(registry);
  context.loadAllAvailableDialects();
  MLIRDiagnosticPrinter diagnosticPrinter(context, diags);
  MLIRGenOptions genOptions;
  genOptions.boundsCheck = boundsCheck;
  mlir::OwningOpRef<mlir::ModuleOp> mlirModule =
      generateMLIR(context, *program, diags, genOptions);
  if (!mlirModule || mlir::failed(optimizeNM(*mlirModule)))
    return 1;
  auto printModule = [&](llvm::raw_ostream &os) { mlirModule->print(os); };
  if (emit == Emit::NM)
    return printStage(printModule);
  if (mlir::failed(lowerNMToMPI(*mlirModule)))
    return 1;
  if (emit == Emit::MPI)
    return printStage(printModule);
  if (mlir::failed(lowerToLLVMDialect(*mlirModule, debugInfo)))
    return 1;
  if (emit == Emit::LLVMMLIR)
    return printStage(printModule);

  std::string error;
  std::unique_ptr<llvm::TargetMachine> machine =
      createHostTargetMachine(optLevel, error);
  if (!machine)
    return fail(error);
  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule =
      translateAndOptimize(*mlirModule, llvmContext, *machine, optLevel);
  if (!llvmModule)
    return fail("translation to LLVM IR failed");
  if (emit == Emit::LLVM)
    return printStage([&](llvm::raw_ostream &os) { llvmModule->print(os, nullptr); });

  if (emit == Emit::Asm || emit == Emit::Obj) {
    bool assembly = emit == Emit::Asm;
    auto out = openOutput(error);
    if (!out)
      return fail(error);
    if (!emitMachineCode(*llvmModule, *machine, assembly, out->os(), error))
      return fail(error);
    out->keep();
    return 0;
  }

  // An executable: emit a temporary object, then link it.
  llvm::SmallString<128> objectPath;
  if (std::error_code ec =
          llvm::sys::fs::createTemporaryFile("nmc", "o", objectPath))
    return fail("cannot create a temporary file: " + ec.message());
  llvm::FileRemover removeObject(objectPath);
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(objectPath, ec);
    if (ec)
      return fail("cannot write '" + objectPath.str().str() + "': " +
                  ec.message());
    if (!emitMachineCode(*llvmModule, *machine, false, os, error))
      return fail(error);
  }
  std::string output =
      outputFilename.empty() ? "a.out" : outputFilename.getValue();
  if (!linkExecutable(std::string(objectPath), output, error))
    return fail(error);
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  mlir::registerAsmPrinterCLOptions();
  mlir::registerMLIRContextCLOptions();
  mlir::registerPassManagerCLOptions();
  cl::SetVersionPrinter([](llvm::raw_ostream &os) {
    os << "nmc " << NMC_VERSION << " (MLIR/LLVM " << NMC_LLVM_VERSION
       << ")\n";
  });
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "nmc: compiles Numba + mpi4py programs into MPI executables\n");
  if (optLevel > 3)
    return fail("-O" + std::to_string(optLevel) + " is not a level (0-3)");
  // -c and -S write beside the input like cc: prog.o, prog.s.
  if (compileOnly || assemblyOnly) {
    emit = compileOnly ? Emit::Obj : Emit::Asm;
    if (outputFilename.empty())
      outputFilename =
          (llvm::sys::path::stem(inputFilename) + (compileOnly ? ".o" : ".s"))
              .str();
  }

  auto buffer = llvm::MemoryBuffer::getFile(inputFilename, /*IsText=*/true);
  if (!buffer)
    return fail("cannot read '" + inputFilename + "': " +
                buffer.getError().message());
  llvm::StringRef source = (*buffer)->getBuffer();
  if (source.starts_with("\x93NUMPY"))
    return fail("'" + inputFilename +
                "' is a NumPy data file, not a program (nmc compiles Python "
                "source)");
  DiagnosticEngine diags(inputFilename, source.str());
  return compile(diags);
}
