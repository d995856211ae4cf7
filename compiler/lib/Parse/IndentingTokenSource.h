//===- IndentingTokenSource.h - Python logical lines ------------*- C++ -*-===//
//
// Wraps the generated lexer and turns its physical-line token stream into
// Python's logical lines: NEWLINEs inside brackets and on blank lines are
// dropped, and indentation changes become INDENT and DEDENT tokens. Lexical
// and indentation errors are reported here, after which the stream ends.
//
//===----------------------------------------------------------------------===//

#ifndef NMC_LIB_PARSE_INDENTINGTOKENSOURCE_H
#define NMC_LIB_PARSE_INDENTINGTOKENSOURCE_H

#include "PythonLexer.h"
#include "nmc/Basic/Diagnostics.h"

#include "antlr4-runtime.h"

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nmc {

/// A lexical or indentation error: where to report it, and the token whose
/// arrival revealed it (an unclosed bracket is reported at the bracket but
/// only known at the end of the file).
struct DeferredError {
  SourceLoc loc;
  SourceLoc detectedAt;
  std::string message;
};

class IndentingTokenSource : public antlr4::TokenSource {
public:
  /// `diags` supplies the source lines; nothing is reported through it.
  IndentingTokenSource(nmc_grammar::PythonLexer &lexer,
                       const DiagnosticEngine &diags);

  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override { return lexer.getLine(); }
  size_t getCharPositionInLine() override {
    return lexer.getCharPositionInLine();
  }
  antlr4::CharStream *getInputStream() override {
    return lexer.getInputStream();
  }
  std::string getSourceName() override { return lexer.getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken> *getTokenFactory() override {
    return lexer.getTokenFactory();
  }

  /// The error that ended the stream, if any.
  const std::optional<DeferredError> &getError() const { return error; }

private:
  void process(std::unique_ptr<antlr4::Token> tok);
  void startLogicalLine(const antlr4::Token &first);
  void finish(std::unique_ptr<antlr4::Token> eof);
  void trackBrackets(const antlr4::Token &tok);
  static constexpr size_t kMaxBracketDepth = 200;
  static constexpr size_t kMaxIndentLevels = 99;

  void fail(SourceLoc loc, const std::string &message,
            const antlr4::Token &detectedAt);
  void emit(size_t type, const antlr4::Token &at);
  std::unique_ptr<antlr4::CommonToken>
  makeToken(size_t type, const std::string &text, size_t line, size_t column);
  std::string indentationOf(const antlr4::Token &tok) const;

  nmc_grammar::PythonLexer &lexer;
  const DiagnosticEngine &diags;
  /// Tokens ready to hand out, in order.
  std::deque<std::unique_ptr<antlr4::Token>> pending;
  /// Whitespace prefixes of the enclosing blocks; the first is "".
  std::vector<std::string> indents{""};
  /// Open brackets, innermost last, for `'(' was never closed`.
  std::vector<std::pair<char, SourceLoc>> brackets;
  /// No token of the current logical line has been seen yet.
  bool atLineStart = true;
  /// The last logical line ended with ':', so a block must follow.
  bool blockExpected = false;
  /// Type of the last token handed out of the current logical line.
  size_t lastType = antlr4::Token::INVALID_TYPE;
  std::optional<DeferredError> error;
  bool done = false;
};

} // namespace nmc

#endif // NMC_LIB_PARSE_INDENTINGTOKENSOURCE_H
