//===- FormattedStrings.cpp - f-string bodies to the AST ------------------===//
//
// The lexer gives an f-string as one STRING token, as Python 3.11's does.
// Its body is split here into literal text and replacement fields
// (`{expr!r:spec}`, `{x=}`, nested specs `{x:{w}.{p}f}`), and each field's
// expression is lexed and parsed on its own, at its place in the file, so
// that its locations and errors point into the f-string.
//
//===----------------------------------------------------------------------===//

#include "ASTBuilder.h"

#include "PythonLexer.h"

#include "llvm/ADT/StringRef.h"

using namespace nmc;
using namespace nmc::ast;
using nmc_grammar::PythonLexer;
using P = nmc_grammar::PythonParser;

namespace {

/// Any syntax error in a field's expression.
class FieldErrorListener : public antlr4::BaseErrorListener {
public:
  void syntaxError(antlr4::Recognizer *, antlr4::Token *, size_t, size_t,
                   const std::string &, std::exception_ptr) override {
    failed = true;
  }
  bool failed = false;
};

} // namespace

/// `loc` moved over `text`: lines at newlines, columns by code point (as
/// ANTLR counts them).
static SourceLoc advance(SourceLoc loc, llvm::StringRef text) {
  for (unsigned char c : text) {
    if (c == '\n') {
      ++loc.line;
      loc.col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++loc.col;
    }
  }
  return loc;
}

ExprPtr ASTBuilder::parseFieldExpression(const std::string &text,
                                         SourceLoc at) {
  // Parenthesised, as Python parses it, with the '(' one column before
  // the text so that every token keeps its place in the file.
  antlr4::ANTLRInputStream input("(" + text + ")");
  PythonLexer lexer(&input);
  lexer.removeErrorListeners();
  lexer.setLine(at.line);
  lexer.setCharPositionInLine(at.col - 2);
  // Inside brackets line breaks mean nothing.
  std::vector<std::unique_ptr<antlr4::Token>> tokens;
  for (;;) {
    std::unique_ptr<antlr4::Token> tok = lexer.nextToken();
    if (tok->getType() == PythonLexer::NEWLINE)
      continue;
    bool eof = tok->getType() == antlr4::Token::EOF;
    tokens.push_back(std::move(tok));
    if (eof)
      break;
  }
  antlr4::ListTokenSource source(std::move(tokens));
  antlr4::CommonTokenStream stream(&source);
  P parser(&stream);
  FieldErrorListener listener;
  parser.removeErrorListeners();
  parser.addErrorListener(&listener);
  P::TestContext *tree = parser.test();
  if (listener.failed || stream.LA(1) != antlr4::Token::EOF)
    return rejectExpr(at, "f-string: invalid syntax");
  return buildTest(tree);
}

/// Where the expression of a field starting at `begin` ends: the first
/// `}`, `:`, conversion `!` or debug `=` outside brackets and quotes, or
/// npos. Sets `error` for a backslash or a comment in the expression.
static size_t expressionEnd(const std::string &body, size_t begin,
                            std::string &error) {
  int depth = 0;
  for (size_t i = begin; i < body.size(); ++i) {
    char c = body[i];
    char next = i + 1 < body.size() ? body[i + 1] : '\0';
    if (c == '\\') {
      error = "f-string expression part cannot include a backslash";
      return std::string::npos;
    }
    if (c == '#') {
      error = "f-string expression part cannot include '#'";
      return std::string::npos;
    }
    if (c == '\'' || c == '"') {
      size_t close = body.find(c, i + 1);
      if (close == std::string::npos)
        return std::string::npos;
      if (body.find('\\', i) < close) {
        error = "f-string expression part cannot include a backslash";
        return std::string::npos;
      }
      i = close;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
      continue;
    }
    if ((c == ')' || c == ']' || c == '}') && depth > 0) {
      --depth;
      continue;
    }
    if (depth > 0)
      continue;
    if (c == '}' || c == ':')
      return i;
    if (c == '!' && next != '=')
      return i;
    // `=` alone, not part of == != <= >=.
    if (c == '=' && next != '=' && i > begin &&
        !llvm::StringRef("=!<>").contains(body[i - 1]))
      return i;
  }
  return std::string::npos;
}

size_t
ASTBuilder::parseFormattedField(const std::string &body, size_t begin, bool raw,
                                SourceLoc bodyLoc, int depth,
                                std::vector<FormattedString::Part> &parts) {
  SourceLoc at = advance(bodyLoc, llvm::StringRef(body).take_front(begin));
  if (depth > 1) {
    diags.error(at, "f-string: expressions nested too deeply");
    return std::string::npos;
  }
  std::string error;
  size_t end = expressionEnd(body, begin, error);
  if (end == std::string::npos) {
    diags.error(at, error.empty() ? "f-string: expecting '}'" : error);
    return std::string::npos;
  }
  std::string text = body.substr(begin, end - begin);
  if (llvm::StringRef(text).trim().empty()) {
    diags.error(at, "f-string: empty expression not allowed");
    return std::string::npos;
  }
  FormattedString::Part field;
  field.value = parseFieldExpression(text, at);
  size_t pos = end;
  bool debug = body[pos] == '=';
  if (debug) {
    // `{x = }` prints "x = " and then repr(x).
    for (++pos; pos < body.size() && body[pos] == ' '; ++pos)
      ;
    FormattedString::Part label;
    label.text = body.substr(begin, pos - begin);
    parts.push_back(std::move(label));
  }
  if (pos < body.size() && body[pos] == '!') {
    char conversion = pos + 1 < body.size() ? body[pos + 1] : '\0';
    if (conversion == 'a') {
      diags.error(advance(bodyLoc, llvm::StringRef(body).take_front(pos)),
                  "f-string conversion !a is not supported yet");
      return std::string::npos;
    }
    if (conversion != 's' && conversion != 'r') {
      diags.error(advance(bodyLoc, llvm::StringRef(body).take_front(pos)),
                  "f-string: invalid conversion character: expected 's', "
                  "'r', or 'a'");
      return std::string::npos;
    }
    field.conversion = conversion;
    pos += 2;
  }
  if (pos < body.size() && body[pos] == ':') {
    std::vector<FormattedString::Part> specParts;
    pos = parseFormattedBody(body, pos + 1, raw, bodyLoc, depth + 1, specParts,
                             /*inSpec=*/true);
    if (pos == std::string::npos)
      return pos;
    SourceLoc specLoc = advance(bodyLoc, llvm::StringRef(body).take_front(end));
    if (specParts.size() == 1 && !specParts[0].value)
      field.spec = std::make_unique<StrLit>(specLoc, specParts[0].text);
    else if (!specParts.empty())
      field.spec =
          std::make_unique<FormattedString>(specLoc, std::move(specParts));
  } else if (debug && !field.conversion) {
    field.conversion = 'r';
  }
  if (pos >= body.size() || body[pos] != '}') {
    diags.error(at, "f-string: expecting '}'");
    return std::string::npos;
  }
  parts.push_back(std::move(field));
  return pos + 1;
}

size_t ASTBuilder::parseFormattedBody(const std::string &body, size_t begin,
                                      bool raw, SourceLoc bodyLoc, int depth,
                                      std::vector<FormattedString::Part> &parts,
                                      bool inSpec) {
  std::string literal;
  auto flushLiteral = [&](size_t at) {
    if (literal.empty())
      return;
    std::string text =
        raw ? literal
            : decodeEscapes(literal,
                            advance(bodyLoc, llvm::StringRef(body).take_front(
                                                 at - literal.size())));
    if (!parts.empty() && !parts.back().value)
      parts.back().text += text;
    else
      parts.push_back({std::move(text), nullptr, 0, nullptr});
    literal.clear();
  };
  size_t i = begin;
  while (i < body.size()) {
    char c = body[i];
    char next = i + 1 < body.size() ? body[i + 1] : '\0';
    if (c == '{' && next == '{' && !inSpec) {
      literal += '{';
      i += 2;
    } else if (c == '{') {
      flushLiteral(i);
      i = parseFormattedField(body, i + 1, raw, bodyLoc, depth, parts);
      if (i == std::string::npos)
        return i;
    } else if (c == '}' && inSpec) {
      // The end of a spec: its field's closing brace.
      flushLiteral(i);
      return i;
    } else if (c == '}' && next == '}') {
      literal += '}';
      i += 2;
    } else if (c == '}') {
      diags.error(advance(bodyLoc, llvm::StringRef(body).take_front(i)),
                  "f-string: single '}' is not allowed");
      return std::string::npos;
    } else {
      literal += c;
      ++i;
    }
  }
  if (inSpec) {
    diags.error(advance(bodyLoc, llvm::StringRef(body).take_front(begin)),
                "f-string: expecting '}'");
    return std::string::npos;
  }
  flushLiteral(i);
  return i;
}
