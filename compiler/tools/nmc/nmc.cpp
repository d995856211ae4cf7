//===- nmc.cpp - The nmc compiler driver ----------------------------------===//
//
//   nmc prog.npy -o prog          compile and link an MPI executable
//   nmc --emit=STAGE prog.npy     stop after STAGE and print it
//
//   nmc run prog.npy -n 4        compile into a cache and run under mpirun
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

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/thread.h"
#include "llvm/Support/xxhash.h"

#include <thread>
#include <unistd.h>

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
cl::opt<unsigned> errorLimit(
    "error-limit",
    cl::desc("Show at most this many errors (default 20, 0 for all)"),
    cl::init(DiagnosticEngine::defaultErrorLimit), cl::cat(category));
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
          else if (diag.getSeverity() == mlir::DiagnosticSeverity::Warning)
            diags.warning(loc, diag.str());
          else
            diags.note(loc, diag.str());
          for (const mlir::Diagnostic &note : diag.getNotes())
            diags.note(loc, note.str());
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
  auto file =
      std::make_unique<llvm::ToolOutputFile>(path, ec, llvm::sys::fs::OF_None);
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
  if (emit == Emit::Tokens) {
    bool ok = true;
    int status =
        printStage([&](llvm::raw_ostream &os) { ok = dumpTokens(diags, os); });
    return status ? status : !ok;
  }

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
  // As mlir-opt prints, so that nm-opt reproduces each stage byte for byte.
  auto printModule = [&](llvm::raw_ostream &os) {
    mlirModule->print(os);
    os << "\n";
  };
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
    return printStage(
        [&](llvm::raw_ostream &os) { llvmModule->print(os, nullptr); });

  if (emit == Emit::Asm || emit == Emit::Obj) {
    // Through a buffer: object emission seeks, which a pipe cannot.
    llvm::SmallString<0> code;
    llvm::raw_svector_ostream codeStream(code);
    if (!emitMachineCode(*llvmModule, *machine, emit == Emit::Asm, codeStream,
                         error))
      return fail(error);
    return printStage([&](llvm::raw_ostream &os) { os << code; });
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
      return fail("cannot write '" + objectPath.str().str() +
                  "': " + ec.message());
    if (!emitMachineCode(*llvmModule, *machine, false, os, error))
      return fail(error);
  }
  std::string output =
      outputFilename.empty() ? "a.out" : outputFilename.getValue();
  if (!linkExecutable(std::string(objectPath), output, error))
    return fail(error);
  return 0;
}

/// Reads, checks and compiles the file named by `inputFilename`.
int compileInput() {
  auto buffer = llvm::MemoryBuffer::getFile(inputFilename, /*IsText=*/true);
  if (!buffer)
    return fail("cannot read '" + inputFilename +
                "': " + buffer.getError().message());
  llvm::StringRef source = (*buffer)->getBuffer();
  if (source.starts_with("\x93NUMPY"))
    return fail("'" + inputFilename +
                "' is a NumPy data file, not a program (nmc compiles Python "
                "source)");
  DiagnosticEngine diags(inputFilename, source.str());
  diags.setErrorLimit(errorLimit);
  return compile(diags);
}

/// Runs the compiler on a thread with a 512 MiB stack: every stage recurses
/// over the tree, and a deeply nested expression must not overflow it.
int onLargeStack(llvm::function_ref<int()> work) {
  int status = 1;
  llvm::thread worker(std::optional<unsigned>(512u << 20),
                      [&] { status = work(); });
  worker.join();
  return status;
}

/// `nmc run FILE [-n N] [ARGS...]`: compiles FILE (every time) into the
/// user's cache directory and runs it under mpirun on N ranks (default 1),
/// adding the flags Open MPI needs as root and with more ranks than cores.
int runSubcommand(int argc, char **argv) {
  if (argc < 3)
    return fail("usage: nmc run FILE [-n N] [ARGS...]");
  std::string file = argv[2];
  std::string ranks = "1";
  std::vector<std::string> programArgs;
  for (int i = 3; i < argc; ++i) {
    llvm::StringRef arg = argv[i];
    if ((arg == "-n" || arg == "-np") && i + 1 < argc)
      ranks = argv[++i];
    else
      programArgs.push_back(arg.str());
  }
  unsigned n = 0;
  if (llvm::StringRef(ranks).getAsInteger(10, n) || n == 0)
    return fail("-n needs a positive number of ranks, not '" + ranks + "'");

  llvm::SmallString<256> cache;
  if (!llvm::sys::path::cache_directory(cache))
    llvm::sys::path::system_temp_directory(/*ErasedOnReboot=*/true, cache);
  llvm::sys::path::append(cache, "nmc");
  if (std::error_code ec = llvm::sys::fs::create_directories(cache))
    return fail("cannot create '" + cache.str().str() + "': " + ec.message());
  llvm::SmallString<256> executable(cache);
  // One cached executable per source path.
  llvm::SmallString<256> absolute(file);
  llvm::sys::fs::make_absolute(absolute);
  llvm::sys::path::append(
      executable, llvm::sys::path::stem(file) + "-" +
                      llvm::utohexstr(llvm::xxh3_64bits(absolute.str())));
  inputFilename = file;
  outputFilename = std::string(executable);
  if (int status = onLargeStack(compileInput))
    return status;

  llvm::ErrorOr<std::string> mpirun = llvm::sys::findProgramByName("mpirun");
  if (!mpirun)
    return fail("cannot find mpirun");
  std::vector<std::string> args = {*mpirun, "-n", ranks};
  if (n > std::thread::hardware_concurrency())
    args.push_back("--oversubscribe");
  if (geteuid() == 0)
    args.push_back("--allow-run-as-root");
  args.push_back(std::string(executable));
  args.insert(args.end(), programArgs.begin(), programArgs.end());
  llvm::SmallVector<llvm::StringRef> argRefs(args.begin(), args.end());
  std::string error;
  int status = llvm::sys::ExecuteAndWait(*mpirun, argRefs, std::nullopt, {}, 0,
                                         0, &error);
  if (status < 0)
    return fail(error);
  return status;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  mlir::registerAsmPrinterCLOptions();
  mlir::registerMLIRContextCLOptions();
  mlir::registerPassManagerCLOptions();
  cl::SetVersionPrinter([](llvm::raw_ostream &os) {
    os << "nmc " << NMC_VERSION << " (MLIR/LLVM " << NMC_LLVM_VERSION << ")\n";
  });
  cl::HideUnrelatedOptions(category);
  if (argc >= 2 && llvm::StringRef(argv[1]) == "run")
    return runSubcommand(argc, argv);
  cl::ParseCommandLineOptions(
      argc, argv,
      "nmc: compiles Numba + mpi4py programs into MPI executables\n");
  if (optLevel > 3)
    return fail("-O" + std::to_string(optLevel) + " is not a level (0-3)");
  // -c and -S name their output like cc: prog.o, prog.s in the current
  // directory.
  if (compileOnly || assemblyOnly) {
    emit = compileOnly ? Emit::Obj : Emit::Asm;
    if (outputFilename.empty())
      outputFilename =
          (llvm::sys::path::stem(inputFilename) + (compileOnly ? ".o" : ".s"))
              .str();
  }

  return onLargeStack(compileInput);
}
