//===- Parser.cpp - Source text to AST ------------------------------------===//

#include "nmc/Parse/Parser.h"

#include "ASTBuilder.h"
#include "IndentingTokenSource.h"
#include "PythonLexer.h"
#include "PythonParser.h"

#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Format.h"

#include <algorithm>
#include <optional>

using namespace nmc;
using nmc_grammar::PythonLexer;
using nmc_grammar::PythonParser;

namespace {

/// Keeps the first syntax error; later ones are usually consequences of
/// the first and only add noise.
class SyntaxErrorListener : public antlr4::BaseErrorListener {
public:
  void syntaxError(antlr4::Recognizer *, antlr4::Token *offending, size_t line,
                   size_t col, const std::string &,
                   std::exception_ptr) override {
    if (first)
      return;
    std::string message = "invalid syntax";
    if (offending)
      message += ": unexpected " + describe(*offending);
    SourceLoc loc{static_cast<int>(line), static_cast<int>(col) + 1};
    first = DeferredError{loc, loc, message};
  }

  std::optional<DeferredError> first;

private:
  static std::string describe(const antlr4::Token &tok) {
    switch (tok.getType()) {
    case antlr4::Token::EOF:
      return "end of file";
    case PythonLexer::NEWLINE:
      return "end of line";
    case PythonLexer::INDENT:
      return "indent";
    case PythonLexer::DEDENT:
      return "dedent";
    case PythonLexer::STRING:
      return "string literal";
    default:
      return "'" + tok.getText() + "'";
    }
  }
};

/// The lexer and indentation stages over the source held by `diags`. The
/// lexer has a catch-all token and never reports errors itself.
struct TokenPipeline {
  explicit TokenPipeline(DiagnosticEngine &diags)
      : input(diags.getSource()), lexer(&input), source(lexer, diags) {
    lexer.removeErrorListeners();
  }

  antlr4::ANTLRInputStream input;
  PythonLexer lexer;
  IndentingTokenSource source;
};

} // namespace

/// The ANTLR input stream throws on malformed UTF-8, so check first and
/// point at the offending byte.
static bool checkUTF8(DiagnosticEngine &diags) {
  const std::string &src = diags.getSource();
  const auto *begin = reinterpret_cast<const llvm::UTF8 *>(src.data());
  const llvm::UTF8 *pos = begin;
  if (llvm::isLegalUTF8String(&pos, begin + src.size()))
    return true;
  size_t offset = pos - begin;
  size_t lineStart = src.rfind('\n', offset);
  lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
  int line = 1 + std::count(src.begin(), src.begin() + offset, '\n');
  diags.error({line, static_cast<int>(offset - lineStart) + 1},
              "source is not valid UTF-8");
  return false;
}

static bool isBefore(SourceLoc a, SourceLoc b) {
  return a.line < b.line || (a.line == b.line && a.col < b.col);
}

/// The error to report: the syntax error if the parser met it before the
/// token stream failed (its lookahead may run ahead of its reports),
/// otherwise the token stream's error, which explains the parser's.
static const DeferredError *
firstError(const std::optional<DeferredError> &syntax,
           const std::optional<DeferredError> &tokens) {
  if (syntax && (!tokens || isBefore(syntax->loc, tokens->detectedAt)))
    return &*syntax;
  return tokens ? &*tokens : nullptr;
}

std::unique_ptr<ast::Module> nmc::parseModule(DiagnosticEngine &diags) {
  unsigned errorsBefore = diags.getNumErrors();
  if (!checkUTF8(diags))
    return nullptr;
  try {
    TokenPipeline pipeline(diags);
    antlr4::CommonTokenStream tokens(&pipeline.source);
    PythonParser parser(&tokens);
    SyntaxErrorListener listener;
    parser.removeErrorListeners();
    parser.addErrorListener(&listener);
    PythonParser::File_inputContext *tree = parser.file_input();
    if (const DeferredError *error =
            firstError(listener.first, pipeline.source.getError())) {
      diags.error(error->loc, error->message);
      return nullptr;
    }
    std::unique_ptr<ast::Module> module = ASTBuilder(diags).build(tree);
    if (diags.getNumErrors() != errorsBefore)
      return nullptr;
    return module;
  } catch (const std::exception &e) {
    // Nothing in the frontend is meant to throw; never let it escape.
    diags.error({1, 1}, std::string("internal parser error: ") + e.what());
    return nullptr;
  }
}

static void printEscaped(llvm::raw_ostream &os, const std::string &text) {
  for (unsigned char c : text) {
    if (c == '\n')
      os << "\\n";
    else if (c == '\r')
      os << "\\r";
    else if (c == '\t')
      os << "\\t";
    else if (c < 0x20)
      os << llvm::format("\\x%02x", c);
    else
      os << c;
  }
}

bool nmc::dumpTokens(DiagnosticEngine &diags, llvm::raw_ostream &os) {
  if (!checkUTF8(diags))
    return false;
  try {
    TokenPipeline pipeline(diags);
    const antlr4::dfa::Vocabulary &vocab = pipeline.lexer.getVocabulary();
    for (;;) {
      std::unique_ptr<antlr4::Token> tok = pipeline.source.nextToken();
      bool isEOF = tok->getType() == antlr4::Token::EOF;
      os << tok->getLine() << ":" << tok->getCharPositionInLine() + 1 << " "
         << vocab.getSymbolicName(tok->getType()) << " '";
      if (!isEOF)
        printEscaped(os, tok->getText());
      os << "'\n";
      if (!isEOF)
        continue;
      if (const std::optional<DeferredError> &error =
              pipeline.source.getError())
        diags.error(error->loc, error->message);
      return !pipeline.source.getError();
    }
  } catch (const std::exception &e) {
    diags.error({1, 1}, std::string("internal lexer error: ") + e.what());
    return false;
  }
}
