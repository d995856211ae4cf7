//===- IndentingTokenSource.cpp - Python logical lines --------------------===//

#include "IndentingTokenSource.h"

#include <algorithm>

using namespace nmc;
using nmc_grammar::PythonLexer;

static SourceLoc locOf(const antlr4::Token &tok) {
  return {static_cast<int>(tok.getLine()),
          static_cast<int>(tok.getCharPositionInLine()) + 1};
}

static bool startsWith(const std::string &s, const std::string &prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

IndentingTokenSource::IndentingTokenSource(PythonLexer &lexer,
                                           const DiagnosticEngine &diags)
    : lexer(lexer), diags(diags) {}

std::unique_ptr<antlr4::Token> IndentingTokenSource::nextToken() {
  while (pending.empty() && !done)
    process(lexer.nextToken());
  if (pending.empty()) {
    // Asked again after EOF: repeat it.
    return makeToken(antlr4::Token::EOF, "<EOF>", lexer.getLine(),
                     lexer.getCharPositionInLine());
  }
  std::unique_ptr<antlr4::Token> tok = std::move(pending.front());
  pending.pop_front();
  return tok;
}

void IndentingTokenSource::process(std::unique_ptr<antlr4::Token> tok) {
  switch (tok->getType()) {
  case PythonLexer::NEWLINE:
    // Inside brackets lines join implicitly; blank lines are not logical
    // lines.
    if (!brackets.empty() || atLineStart)
      return;
    atLineStart = true;
    blockExpected = lastType == PythonLexer::COLON;
    pending.push_back(std::move(tok));
    return;
  case antlr4::Token::EOF:
    finish(std::move(tok));
    return;
  case PythonLexer::ERROR_CHAR:
    if (tok->getText() == "\\")
      fail(locOf(*tok),
           "unexpected character after line continuation character", *tok);
    else
      fail(locOf(*tok), "invalid character '" + tok->getText() + "'", *tok);
    return;
  case PythonLexer::UNTERMINATED_STRING:
    fail(locOf(*tok), "unterminated string literal", *tok);
    return;
  default:
    break;
  }
  if (atLineStart) {
    startLogicalLine(*tok);
    if (error)
      return;
    atLineStart = false;
  }
  trackBrackets(*tok);
  lastType = tok->getType();
  pending.push_back(std::move(tok));
}

std::string
IndentingTokenSource::indentationOf(const antlr4::Token &tok) const {
  std::string line = diags.getLine(static_cast<int>(tok.getLine()));
  size_t end = std::min<size_t>(line.find_first_not_of(" \t\f"),
                                tok.getCharPositionInLine());
  return line.substr(0, std::min(end, line.size()));
}

// Compares indentation as whitespace strings, not columns: a nested block
// must extend its parent's prefix and a dedent must return to one exactly,
// which also catches tab/space mixes that only line up for some tab width.
void IndentingTokenSource::startLogicalLine(const antlr4::Token &first) {
  std::string indent = indentationOf(first);
  SourceLoc loc = locOf(first);
  if (indent == indents.back()) {
    if (blockExpected)
      fail(loc, "expected an indented block", first);
    return;
  }
  if (startsWith(indent, indents.back())) {
    if (!blockExpected) {
      fail(loc, "unexpected indent", first);
      return;
    }
    // CPython's limit: 99 levels of indentation.
    if (indents.size() > kMaxIndentLevels) {
      fail(loc, "too many levels of indentation", first);
      return;
    }
    indents.push_back(indent);
    emit(PythonLexer::INDENT, first);
    return;
  }
  if (std::find(indents.begin(), indents.end(), indent) == indents.end()) {
    bool tabs =
        indent.find('\t') != std::string::npos ||
        std::any_of(indents.begin(), indents.end(), [](const std::string &s) {
          return s.find('\t') != std::string::npos;
        });
    fail({loc.line, 1},
         tabs ? "inconsistent use of tabs and spaces in indentation"
              : "unindent does not match any outer indentation level",
         first);
    return;
  }
  if (blockExpected) {
    fail(loc, "expected an indented block", first);
    return;
  }
  while (indents.back() != indent) {
    indents.pop_back();
    emit(PythonLexer::DEDENT, first);
  }
}

void IndentingTokenSource::trackBrackets(const antlr4::Token &tok) {
  switch (tok.getType()) {
  case PythonLexer::LPAR:
  case PythonLexer::LSQB:
  case PythonLexer::LBRACE:
    // CPython's limit; deeper nesting would only exhaust the parser's stack.
    if (brackets.size() == kMaxBracketDepth) {
      fail(locOf(tok), "too many nested parentheses", tok);
      return;
    }
    brackets.push_back({tok.getText()[0], locOf(tok)});
    return;
  case PythonLexer::RPAR:
  case PythonLexer::RSQB:
  case PythonLexer::RBRACE:
    // An unmatched closer is left to the parser to report.
    if (!brackets.empty())
      brackets.pop_back();
    return;
  default:
    return;
  }
}

void IndentingTokenSource::finish(std::unique_ptr<antlr4::Token> eof) {
  if (!brackets.empty()) {
    fail(brackets.back().second,
         std::string("'") + brackets.back().first + "' was never closed", *eof);
    return;
  }
  if (!atLineStart) {
    emit(PythonLexer::NEWLINE, *eof);
    blockExpected = lastType == PythonLexer::COLON;
  }
  if (blockExpected) {
    fail(locOf(*eof), "expected an indented block", *eof);
    return;
  }
  for (; indents.size() > 1; indents.pop_back())
    emit(PythonLexer::DEDENT, *eof);
  pending.push_back(std::move(eof));
  done = true;
}

void IndentingTokenSource::fail(SourceLoc loc, const std::string &message,
                                const antlr4::Token &detectedAt) {
  error = DeferredError{loc, locOf(detectedAt), message};
  done = true;
  emit(antlr4::Token::EOF, detectedAt);
}

void IndentingTokenSource::emit(size_t type, const antlr4::Token &at) {
  pending.push_back(
      makeToken(type, "", at.getLine(), at.getCharPositionInLine()));
}

namespace {

/// A token the indentation layer makes up. ANTLR's error recovery builds
/// its missing-symbol tokens from the token source and input stream of the
/// current token, so these carry both; their text is their own, not a
/// slice of the input.
class SynthesizedToken : public antlr4::CommonToken {
public:
  SynthesizedToken(antlr4::TokenSource *source, antlr4::CharStream *input,
                   size_t type, std::string text)
      : CommonToken(std::make_pair(source, input), type,
                    antlr4::Token::DEFAULT_CHANNEL, INVALID_INDEX,
                    INVALID_INDEX),
        text(std::move(text)) {}
  std::string getText() const override { return text; }

private:
  std::string text;
};

} // namespace

std::unique_ptr<antlr4::CommonToken>
IndentingTokenSource::makeToken(size_t type, const std::string &text,
                                size_t line, size_t column) {
  auto tok = std::make_unique<SynthesizedToken>(this, lexer.getInputStream(),
                                                type, text);
  tok->setLine(line);
  tok->setCharPositionInLine(column);
  return tok;
}
