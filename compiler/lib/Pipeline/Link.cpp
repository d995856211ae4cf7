//===- Link.cpp - Linking with the runtime and MPI ------------------------===//

#include "nmc/Config.h"
#include "nmc/Pipeline/Pipeline.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

using namespace nmc;

/// libnmrt.a relative to the nmc executable: bin/../lib, as both the build
/// tree and an installed prefix lay them out, so an installed nmc works
/// from any directory and never reaches back into the build tree.
static std::string findRuntimeLibrary() {
  std::string self = llvm::sys::fs::getMainExecutable(
      nullptr, reinterpret_cast<void *>(&findRuntimeLibrary));
  llvm::SmallString<256> path(llvm::sys::path::parent_path(self));
  llvm::sys::path::append(path, "..", "lib", "libnmrt.a");
  llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
  return std::string(path);
}

bool nmc::linkExecutable(const std::string &objectPath,
                         const std::string &outputPath, std::string &error) {
  llvm::ErrorOr<std::string> cc = llvm::sys::findProgramByName(NMC_C_COMPILER);
  if (!cc) {
    error = "cannot find the C compiler '" + std::string(NMC_C_COMPILER) +
            "' to link with";
    return false;
  }
  std::string runtime = findRuntimeLibrary();
  if (!llvm::sys::fs::exists(runtime)) {
    error = "cannot find the nmc runtime library '" + runtime + "'";
    return false;
  }
  std::vector<std::string> args = {*cc, objectPath, "-o", outputPath, runtime};
  llvm::SmallVector<llvm::StringRef> mpiArgs;
  llvm::StringRef(NMC_MPI_LINK_ARGS).split(mpiArgs, ';', -1, false);
  for (llvm::StringRef arg : mpiArgs)
    args.push_back(arg.str());
  args.push_back("-lm");
  llvm::SmallVector<llvm::StringRef> argRefs(args.begin(), args.end());
  int status =
      llvm::sys::ExecuteAndWait(*cc, argRefs, std::nullopt, {}, 0, 0, &error);
  if (status != 0) {
    if (error.empty())
      error = "linking failed (" + *cc + " exited with " +
              std::to_string(status) + ")";
    return false;
  }
  return true;
}
