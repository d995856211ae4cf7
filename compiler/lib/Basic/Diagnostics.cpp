//===- Diagnostics.cpp - Source locations and user-facing errors ----------===//

#include "nmc/Basic/Diagnostics.h"

#include "llvm/Support/raw_ostream.h"

using namespace nmc;

DiagnosticEngine::DiagnosticEngine(std::string filename, std::string source)
    : filename(std::move(filename)), source(std::move(source)) {
  lineStarts.push_back(0);
  for (size_t i = 0; i < this->source.size(); ++i)
    if (this->source[i] == '\n')
      lineStarts.push_back(i + 1);
}

std::string DiagnosticEngine::getLine(int line) const {
  if (line < 1 || static_cast<size_t>(line) > lineStarts.size())
    return "";
  size_t begin = lineStarts[line - 1];
  size_t end = source.find('\n', begin);
  if (end == std::string::npos)
    end = source.size();
  if (end > begin && source[end - 1] == '\r')
    --end;
  return source.substr(begin, end - begin);
}

void DiagnosticEngine::report(SourceLoc loc, const char *kind,
                              const std::string &message) {
  llvm::raw_ostream &os = llvm::errs();
  os << filename << ":" << loc.line << ":" << loc.col << ": " << kind << ": "
     << message << "\n";
  std::string text = getLine(loc.line);
  if (text.empty())
    return;
  os << text << "\n";
  // Keep tabs in the caret line so the caret sits under the right column.
  std::string caret;
  for (int i = 1; i < loc.col && static_cast<size_t>(i - 1) < text.size(); ++i)
    caret += text[i - 1] == '\t' ? '\t' : ' ';
  os << caret << "^\n";
}

bool DiagnosticEngine::error(SourceLoc loc, const std::string &message) {
  // Stages may meet the same problem twice (an expression typed again);
  // the user sees it once.
  if (!reported.insert({loc.line, loc.col, message}).second)
    return false;
  ++numErrors;
  if (errorLimit != 0 && numErrors > errorLimit) {
    if (numErrors == errorLimit + 1)
      llvm::errs() << filename << ": error: too many errors; the first "
                   << errorLimit
                   << " are shown (--error-limit=N changes the limit, 0 "
                      "shows all)\n";
    return false;
  }
  report(loc, "error", message);
  return true;
}

void DiagnosticEngine::warning(SourceLoc loc, const std::string &message) {
  report(loc, "warning", message);
}

void DiagnosticEngine::note(SourceLoc loc, const std::string &message) {
  report(loc, "note", message);
}
