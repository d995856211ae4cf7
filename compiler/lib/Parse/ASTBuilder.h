//===- ASTBuilder.h - Parse tree to nmc AST ---------------------*- C++ -*-===//
//
// Walks the ANTLR parse tree of a syntactically valid file and builds the
// nmc AST. Constructs that parse as Python but are outside the nmc subset
// are reported here, by name, at their location; building goes on so that
// one run reports all of them.
//
//===----------------------------------------------------------------------===//

#ifndef NMC_LIB_PARSE_ASTBUILDER_H
#define NMC_LIB_PARSE_ASTBUILDER_H

#include "PythonParser.h"
#include "nmc/AST/AST.h"
#include "nmc/Basic/Diagnostics.h"

#include <memory>
#include <string>

namespace nmc {

class ASTBuilder {
  using P = nmc_grammar::PythonParser;

public:
  explicit ASTBuilder(DiagnosticEngine &diags) : diags(diags) {}

  std::unique_ptr<ast::Module> build(P::File_inputContext *ctx);

private:
  // Statements. Rejected statements add nothing to `out`.
  void buildStmt(P::StmtContext *ctx, ast::StmtList &out);
  void buildSimpleStmt(P::Simple_stmtContext *ctx, ast::StmtList &out);
  void buildCompoundStmt(P::Compound_stmtContext *ctx, ast::StmtList &out);
  ast::StmtList buildBlock(P::BlockContext *ctx);
  ast::StmtList buildElse(P::Else_clauseContext *ctx);
  ast::StmtPtr buildExprStmt(P::Expr_stmtContext *ctx);
  ast::StmtPtr buildImportName(P::Import_nameContext *ctx);
  ast::StmtPtr buildImportFrom(P::Import_fromContext *ctx);
  ast::StmtPtr buildIf(P::If_stmtContext *ctx);
  /// The `else` part of `ctx` after its first `index` elif clauses.
  ast::StmtList buildOrElse(P::If_stmtContext *ctx, size_t index);
  /// Counts one more enclosing loop; false (reported) beyond CPython's limit.
  bool enterLoop(SourceLoc loc);
  ast::StmtPtr buildFor(P::For_stmtContext *ctx);
  ast::StmtPtr buildWhile(P::While_stmtContext *ctx);
  ast::StmtPtr buildTry(P::Try_stmtContext *ctx);
  ast::StmtPtr buildFuncDef(P::FuncdefContext *ctx, ast::ExprList decorators);
  ast::StmtPtr buildDecorated(P::DecoratedContext *ctx);
  std::vector<ast::Param> buildParams(P::ParametersContext *ctx);
  /// Reports targets Python cannot assign to; `aug` for `x op= v`.
  void checkTarget(const ast::Expr &target, bool aug);

  // Expressions. Rejected expressions become a NoneLit placeholder, never
  // seen by later stages because the module is dropped.
  ast::ExprPtr buildTest(P::TestContext *ctx);
  ast::ExprPtr buildOrTest(P::Or_testContext *ctx);
  ast::ExprPtr buildAndTest(P::And_testContext *ctx);
  ast::ExprPtr buildNotTest(P::Not_testContext *ctx);
  ast::ExprPtr buildComparison(P::ComparisonContext *ctx);
  ast::ExprPtr buildExpr(P::ExprContext *ctx);
  ast::ExprPtr buildXorExpr(P::Xor_exprContext *ctx);
  ast::ExprPtr buildAndExpr(P::And_exprContext *ctx);
  ast::ExprPtr buildShiftExpr(P::Shift_exprContext *ctx);
  ast::ExprPtr buildArithExpr(P::Arith_exprContext *ctx);
  ast::ExprPtr buildTerm(P::TermContext *ctx);
  ast::ExprPtr buildFactor(P::FactorContext *ctx);
  ast::ExprPtr buildPower(P::PowerContext *ctx);
  ast::ExprPtr buildAtomExpr(P::Atom_exprContext *ctx);
  ast::ExprPtr buildTrailer(ast::ExprPtr value, SourceLoc loc,
                            P::TrailerContext *ctx);
  ast::ExprPtr buildCall(ast::ExprPtr func, SourceLoc loc,
                         P::ArglistContext *ctx);
  ast::ExprPtr buildSubscript(P::SubscriptContext *ctx);
  ast::ExprPtr buildAtom(P::AtomContext *ctx);
  ast::ExprPtr buildParenthesized(P::AtomContext *ctx);
  ast::ExprPtr buildNumber(antlr4::Token *tok);
  ast::ExprPtr buildStrings(P::AtomContext *ctx);
  /// Decodes the body of a non-raw string literal starting at `loc`.
  std::string decodeEscapes(const std::string &body, SourceLoc loc);

  // f-strings (FormattedStrings.cpp). Positions are byte offsets into the
  // body of one f-string token, which starts at `bodyLoc`; each returns the
  // offset after what it read, or npos after reporting an error.
  /// Literal text and fields from `begin` to the end of the body, or, in a
  /// spec (`inSpec`), to the `}` that closes its field.
  size_t parseFormattedBody(const std::string &body, size_t begin, bool raw,
                            SourceLoc bodyLoc, int depth,
                            std::vector<ast::FormattedString::Part> &parts,
                            bool inSpec);
  /// One field, from just after its `{` to just after its `}`.
  size_t parseFormattedField(const std::string &body, size_t begin, bool raw,
                             SourceLoc bodyLoc, int depth,
                             std::vector<ast::FormattedString::Part> &parts);
  /// A field's expression, lexed and parsed where it stands in the file.
  ast::ExprPtr parseFieldExpression(const std::string &text, SourceLoc at);

  /// A comma-separated list (`a, b`) becomes a Tuple, a single element
  /// without a trailing comma stays itself.
  ast::ExprPtr buildTupleOrSingle(antlr4::ParserRuleContext *ctx);
  /// `[elt for x in xs if c ...]`.
  ast::ExprPtr buildListComp(P::Testlist_compContext *ctx, SourceLoc loc);
  /// The elements of a comma-separated list of test/expr/star_expr.
  ast::ExprList buildElements(antlr4::ParserRuleContext *ctx);
  ast::ExprPtr buildElement(antlr4::tree::ParseTree *child);

  /// Folds `operand (op operand)*` left to right into BinOps.
  template <typename OperandCtx>
  ast::ExprPtr buildBinOpChain(antlr4::ParserRuleContext *ctx,
                               ast::ExprPtr (ASTBuilder::*build)(OperandCtx *));

  /// Reports `message` at `loc` and returns a placeholder expression.
  ast::ExprPtr rejectExpr(SourceLoc loc, const std::string &message);

  DiagnosticEngine &diags;
  /// Loops enclosing the statement being built, in this function.
  int loopDepth = 0;
  static constexpr int kMaxNestedLoops = 20;
};

} // namespace nmc

#endif // NMC_LIB_PARSE_ASTBUILDER_H
