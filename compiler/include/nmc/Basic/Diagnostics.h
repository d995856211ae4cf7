//===- Diagnostics.h - Source locations and user-facing errors --*- C++ -*-===//
//
// Every stage before MLIR reports user errors through DiagnosticEngine, which
// prints them as `file:line:col: error: message`, then the source line and a
// caret, the way compilers do.
//
//===----------------------------------------------------------------------===//

#ifndef NMC_BASIC_DIAGNOSTICS_H
#define NMC_BASIC_DIAGNOSTICS_H

#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace nmc {

/// A position in the source file: 1-based line and column.
struct SourceLoc {
  int line = 0;
  int col = 0;
};

/// Holds the source text of one file and prints diagnostics against it.
class DiagnosticEngine {
public:
  DiagnosticEngine(std::string filename, std::string source);

  const std::string &getFilename() const { return filename; }
  const std::string &getSource() const { return source; }

  /// Prints `file:line:col: error: message` with the source line and a
  /// caret. Returns whether it was printed: an error already reported at the
  /// same place, or one past the error limit, is counted but not shown, and
  /// neither should its notes be.
  bool error(SourceLoc loc, const std::string &message);
  /// Same, as a warning; it does not count as an error.
  void warning(SourceLoc loc, const std::string &message);
  /// Same, as a note attached to the previous error or warning.
  void note(SourceLoc loc, const std::string &message);

  /// How many errors are shown; later ones only count. 0 shows them all.
  void setErrorLimit(unsigned limit) { errorLimit = limit; }
  static constexpr unsigned defaultErrorLimit = 20;

  unsigned getNumErrors() const { return numErrors; }
  bool hasErrors() const { return numErrors != 0; }

  /// The text of 1-based line `line`, without its line break.
  std::string getLine(int line) const;

private:
  void report(SourceLoc loc, const char *kind, const std::string &message);

  std::string filename;
  std::string source;
  std::vector<size_t> lineStarts;
  std::set<std::tuple<int, int, std::string>> reported;
  unsigned numErrors = 0;
  unsigned errorLimit = defaultErrorLimit;
};

} // namespace nmc

#endif // NMC_BASIC_DIAGNOSTICS_H
