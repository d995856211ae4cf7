//===- Parser.h - Source text to AST ----------------------------*- C++ -*-===//
//
// The only entry points into the ANTLR-based frontend. Callers see the AST,
// never ANTLR types.
//
//===----------------------------------------------------------------------===//

#ifndef NMC_PARSE_PARSER_H
#define NMC_PARSE_PARSER_H

#include "nmc/AST/AST.h"
#include "nmc/Basic/Diagnostics.h"

#include "llvm/Support/raw_ostream.h"

#include <memory>

namespace nmc {

/// Lexes, parses and builds the AST of `diags.getSource()`. Reports every
/// syntax error and every construct outside the nmc subset through `diags`
/// and returns null if there was any.
std::unique_ptr<ast::Module> parseModule(DiagnosticEngine &diags);

/// Prints the token stream after INDENT/DEDENT processing, one token a line
/// as `line:col KIND 'text'` (`nmc --emit=tokens`). Returns false after
/// reporting a lexical or indentation error.
bool dumpTokens(DiagnosticEngine &diags, llvm::raw_ostream &os);

} // namespace nmc

#endif // NMC_PARSE_PARSER_H
