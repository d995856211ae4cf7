//===- ASTBuilder.cpp - Parse tree to nmc AST -----------------------------===//

#include "ASTBuilder.h"

#include "PythonLexer.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/ConvertUTF.h"

#include <cctype>
#include <cstdlib>
#include <limits>

using namespace nmc;
using namespace nmc::ast;
using nmc_grammar::PythonLexer;
using P = nmc_grammar::PythonParser;
using antlr4::tree::TerminalNode;
using llvm::isa;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

static SourceLoc locOf(const antlr4::Token *tok) {
  return {static_cast<int>(tok->getLine()),
          static_cast<int>(tok->getCharPositionInLine()) + 1};
}
static SourceLoc locOf(TerminalNode *node) { return locOf(node->getSymbol()); }
static SourceLoc locOf(antlr4::ParserRuleContext *ctx) {
  return locOf(ctx->getStart());
}

static std::string outside(const std::string &what) {
  return what + " are outside the nmc subset";
}
static std::string notYet(const std::string &what) {
  return what + " are not supported yet";
}

static BinOpKind binOpFor(size_t tokenType) {
  switch (tokenType) {
  case PythonLexer::PLUS:
  case PythonLexer::PLUSEQUAL:
    return BinOpKind::Add;
  case PythonLexer::MINUS:
  case PythonLexer::MINEQUAL:
    return BinOpKind::Sub;
  case PythonLexer::STAR:
  case PythonLexer::STAREQUAL:
    return BinOpKind::Mul;
  case PythonLexer::SLASH:
  case PythonLexer::SLASHEQUAL:
    return BinOpKind::Div;
  case PythonLexer::DOUBLESLASH:
  case PythonLexer::DOUBLESLASHEQUAL:
    return BinOpKind::FloorDiv;
  case PythonLexer::PERCENT:
  case PythonLexer::PERCENTEQUAL:
    return BinOpKind::Mod;
  case PythonLexer::DOUBLESTAR:
  case PythonLexer::DOUBLESTAREQUAL:
    return BinOpKind::Pow;
  case PythonLexer::AT:
  case PythonLexer::ATEQUAL:
    return BinOpKind::MatMul;
  case PythonLexer::LSHIFT:
  case PythonLexer::LSHIFTEQUAL:
    return BinOpKind::LShift;
  case PythonLexer::RSHIFT:
  case PythonLexer::RSHIFTEQUAL:
    return BinOpKind::RShift;
  case PythonLexer::AMPER:
  case PythonLexer::AMPEREQUAL:
    return BinOpKind::BitAnd;
  case PythonLexer::VBAR:
  case PythonLexer::VBAREQUAL:
    return BinOpKind::BitOr;
  default:
    return BinOpKind::BitXor;
  }
}

static CmpOpKind cmpOpFor(P::Comp_opContext *ctx) {
  if (ctx->IS())
    return ctx->NOT() ? CmpOpKind::IsNot : CmpOpKind::Is;
  if (ctx->IN())
    return ctx->NOT() ? CmpOpKind::NotIn : CmpOpKind::In;
  switch (ctx->getStart()->getType()) {
  case PythonLexer::LESS:
    return CmpOpKind::Lt;
  case PythonLexer::GREATER:
    return CmpOpKind::Gt;
  case PythonLexer::LESSEQUAL:
    return CmpOpKind::LtE;
  case PythonLexer::GREATEREQUAL:
    return CmpOpKind::GtE;
  case PythonLexer::NOTEQUAL:
    return CmpOpKind::NotEq;
  default:
    return CmpOpKind::Eq;
  }
}

ExprPtr ASTBuilder::rejectExpr(SourceLoc loc, const std::string &message) {
  diags.error(loc, message);
  return std::make_unique<NoneLit>(loc);
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

std::unique_ptr<Module> ASTBuilder::build(P::File_inputContext *ctx) {
  auto module = std::make_unique<Module>();
  module->filename = diags.getFilename();
  for (P::StmtContext *stmt : ctx->stmt())
    buildStmt(stmt, module->body);
  return module;
}

void ASTBuilder::buildStmt(P::StmtContext *ctx, StmtList &out) {
  if (P::Simple_stmtsContext *simple = ctx->simple_stmts()) {
    for (P::Simple_stmtContext *stmt : simple->simple_stmt())
      buildSimpleStmt(stmt, out);
    return;
  }
  buildCompoundStmt(ctx->compound_stmt(), out);
}

void ASTBuilder::buildSimpleStmt(P::Simple_stmtContext *ctx, StmtList &out) {
  SourceLoc loc = locOf(ctx);
  if (P::Expr_stmtContext *stmt = ctx->expr_stmt()) {
    out.push_back(buildExprStmt(stmt));
  } else if (ctx->pass_stmt()) {
    out.push_back(std::make_unique<Pass>(loc));
  } else if (ctx->break_stmt()) {
    out.push_back(std::make_unique<Break>(loc));
  } else if (ctx->continue_stmt()) {
    out.push_back(std::make_unique<Continue>(loc));
  } else if (P::Return_stmtContext *ret = ctx->return_stmt()) {
    ExprPtr value;
    if (ret->testlist_star_expr())
      value = buildTupleOrSingle(ret->testlist_star_expr());
    out.push_back(std::make_unique<Return>(loc, std::move(value)));
  } else if (P::Import_stmtContext *imp = ctx->import_stmt()) {
    if (imp->import_name())
      out.push_back(buildImportName(imp->import_name()));
    else if (StmtPtr stmt = buildImportFrom(imp->import_from()))
      out.push_back(std::move(stmt));
  } else if (P::Assert_stmtContext *as = ctx->assert_stmt()) {
    ExprPtr msg = as->test().size() > 1 ? buildTest(as->test(1)) : nullptr;
    out.push_back(
        std::make_unique<Assert>(loc, buildTest(as->test(0)), std::move(msg)));
  } else if (P::Raise_stmtContext *raise = ctx->raise_stmt()) {
    if (raise->test().empty())
      diags.error(loc, notYet("bare 'raise' statements (re-raising)"));
    else if (raise->FROM())
      diags.error(locOf(raise->test(1)),
                  notYet("'raise ... from ...' statements"));
    else
      out.push_back(std::make_unique<Raise>(loc, buildTest(raise->test(0))));
  } else if (P::Global_stmtContext *decl = ctx->global_stmt()) {
    diags.error(loc, outside(decl->GLOBAL() ? "'global' declarations"
                                            : "'nonlocal' declarations"));
  } else if (ctx->del_stmt()) {
    diags.error(loc, outside("'del' statements"));
  } else {
    diags.error(loc, outside("'yield' expressions"));
  }
}

void ASTBuilder::buildCompoundStmt(P::Compound_stmtContext *ctx,
                                   StmtList &out) {
  SourceLoc loc = locOf(ctx);
  StmtPtr stmt;
  if (ctx->if_stmt())
    stmt = buildIf(ctx->if_stmt());
  else if (ctx->while_stmt())
    stmt = buildWhile(ctx->while_stmt());
  else if (ctx->for_stmt())
    stmt = buildFor(ctx->for_stmt());
  else if (ctx->funcdef())
    stmt = buildFuncDef(ctx->funcdef(), {});
  else if (ctx->decorated())
    stmt = buildDecorated(ctx->decorated());
  else if (ctx->try_stmt())
    stmt = buildTry(ctx->try_stmt());
  else if (ctx->with_stmt())
    diags.error(loc, outside("'with' statements"));
  else if (ctx->classdef())
    diags.error(loc, outside("'class' definitions"));
  else
    diags.error(loc, outside("'async' functions and statements"));
  if (stmt)
    out.push_back(std::move(stmt));
}

StmtList ASTBuilder::buildBlock(P::BlockContext *ctx) {
  StmtList body;
  if (P::Simple_stmtsContext *simple = ctx->simple_stmts()) {
    for (P::Simple_stmtContext *stmt : simple->simple_stmt())
      buildSimpleStmt(stmt, body);
    return body;
  }
  for (P::StmtContext *stmt : ctx->stmt())
    buildStmt(stmt, body);
  return body;
}

StmtList ASTBuilder::buildElse(P::Else_clauseContext *ctx) {
  return ctx ? buildBlock(ctx->block()) : StmtList();
}

static const char *describeForAssign(const Expr &e) {
  switch (e.getKind()) {
  case Expr::Kind::IntLit:
  case Expr::Kind::FloatLit:
  case Expr::Kind::StrLit:
    return "literal";
  case Expr::Kind::BoolLit:
    return llvm::cast<BoolLit>(e).value ? "True" : "False";
  case Expr::Kind::NoneLit:
    return "None";
  case Expr::Kind::Call:
    return "function call";
  case Expr::Kind::Compare:
    return "comparison";
  case Expr::Kind::IfExp:
    return "conditional expression";
  default:
    return "expression";
  }
}

void ASTBuilder::checkTarget(const Expr &target, bool aug) {
  if (isa<Name, Attribute, Subscript>(target))
    return;
  if (aug && isa<Tuple, List>(target)) {
    diags.error(target.getLoc(), "illegal expression for augmented assignment");
    return;
  }
  if (const auto *tuple = llvm::dyn_cast<Tuple>(&target)) {
    for (const ExprPtr &elt : tuple->elts)
      checkTarget(*elt, aug);
    return;
  }
  if (isa<List>(target)) {
    diags.error(target.getLoc(), notYet("list assignment targets"));
    return;
  }
  diags.error(target.getLoc(),
              std::string("cannot assign to ") + describeForAssign(target));
}

StmtPtr ASTBuilder::buildExprStmt(P::Expr_stmtContext *ctx) {
  SourceLoc loc = locOf(ctx);
  if (P::AnnassignContext *ann = ctx->annassign()) {
    ExprPtr target = buildTupleOrSingle(ctx->testlist_star_expr(0));
    if (!isa<Name, Attribute, Subscript>(*target))
      diags.error(target->getLoc(), "only a single target can be annotated");
    ExprPtr annotation = buildTest(ann->test());
    ExprPtr value;
    if (ann->yield_expr())
      value =
          rejectExpr(locOf(ann->yield_expr()), outside("'yield' expressions"));
    else if (ann->testlist_star_expr())
      value = buildTupleOrSingle(ann->testlist_star_expr());
    else
      value = rejectExpr(loc, notYet("annotations without a value"));
    ExprList targets;
    targets.push_back(std::move(target));
    return std::make_unique<Assign>(loc, std::move(targets), std::move(value),
                                    std::move(annotation));
  }
  if (P::AugassignContext *aug = ctx->augassign()) {
    ExprPtr target = buildTupleOrSingle(ctx->testlist_star_expr(0));
    checkTarget(*target, /*aug=*/true);
    ExprPtr value = ctx->testlist()
                        ? buildTupleOrSingle(ctx->testlist())
                        : rejectExpr(locOf(ctx->yield_expr(0)),
                                     outside("'yield' expressions"));
    return std::make_unique<AugAssign>(loc, std::move(target),
                                       binOpFor(aug->getStart()->getType()),
                                       std::move(value));
  }
  // `t1 = t2 = ... = value`: every part but the last is a target.
  ExprList parts;
  for (antlr4::tree::ParseTree *child : ctx->children) {
    if (auto *list = dynamic_cast<P::Testlist_star_exprContext *>(child))
      parts.push_back(buildTupleOrSingle(list));
    else if (auto *yield = dynamic_cast<P::Yield_exprContext *>(child))
      parts.push_back(rejectExpr(locOf(yield), outside("'yield' expressions")));
  }
  if (parts.size() == 1)
    return std::make_unique<ExprStmt>(loc, std::move(parts[0]));
  ExprPtr value = std::move(parts.back());
  parts.pop_back();
  for (const ExprPtr &target : parts)
    checkTarget(*target, /*aug=*/false);
  return std::make_unique<Assign>(loc, std::move(parts), std::move(value),
                                  nullptr);
}

StmtPtr ASTBuilder::buildImportName(P::Import_nameContext *ctx) {
  std::vector<ImportAlias> names;
  for (P::Dotted_as_nameContext *alias : ctx->dotted_as_name()) {
    std::string asName = alias->NAME() ? alias->NAME()->getText() : "";
    names.push_back(
        {locOf(alias), alias->dotted_name()->getText(), "", std::move(asName)});
  }
  return std::make_unique<Import>(locOf(ctx), std::move(names));
}

StmtPtr ASTBuilder::buildImportFrom(P::Import_fromContext *ctx) {
  SourceLoc loc = locOf(ctx);
  if (!ctx->DOT().empty()) {
    diags.error(loc, outside("relative imports"));
    return nullptr;
  }
  if (ctx->STAR()) {
    diags.error(locOf(ctx->STAR()), outside("wildcard imports"));
    return nullptr;
  }
  // The grammar leaves the module optional for `from . import x`.
  if (!ctx->dotted_name()) {
    diags.error(locOf(ctx->IMPORT()), "invalid syntax: the module name is "
                                      "missing after 'from'");
    return nullptr;
  }
  std::string module = ctx->dotted_name()->getText();
  std::vector<ImportAlias> names;
  for (P::Import_as_nameContext *alias :
       ctx->import_as_names()->import_as_name()) {
    std::string name = alias->NAME(0)->getText();
    std::string asName = alias->AS() ? alias->NAME(1)->getText() : name;
    names.push_back({locOf(alias), module, std::move(name), std::move(asName)});
  }
  return std::make_unique<Import>(loc, std::move(names));
}

StmtPtr ASTBuilder::buildIf(P::If_stmtContext *ctx) {
  return std::make_unique<If>(locOf(ctx), buildTest(ctx->test()),
                              buildBlock(ctx->block()), buildOrElse(ctx, 0));
}

StmtList ASTBuilder::buildOrElse(P::If_stmtContext *ctx, size_t index) {
  if (index == ctx->elif_clause().size())
    return buildElse(ctx->else_clause());
  P::Elif_clauseContext *elif = ctx->elif_clause(index);
  StmtList orelse;
  orelse.push_back(std::make_unique<If>(locOf(elif), buildTest(elif->test()),
                                        buildBlock(elif->block()),
                                        buildOrElse(ctx, index + 1)));
  return orelse;
}

bool ASTBuilder::enterLoop(SourceLoc loc) {
  // CPython's limit of 20 nested blocks per function (CO_MAXBLOCKS).
  if (++loopDepth <= kMaxNestedLoops)
    return true;
  diags.error(loc, "too many statically nested blocks");
  --loopDepth;
  return false;
}

StmtPtr ASTBuilder::buildFor(P::For_stmtContext *ctx) {
  if (!enterLoop(locOf(ctx)))
    return nullptr;
  llvm::scope_exit leave([&] { --loopDepth; });
  ExprPtr target = buildTupleOrSingle(ctx->exprlist());
  checkTarget(*target, /*aug=*/false);
  ExprPtr iter = buildTupleOrSingle(ctx->testlist());
  return std::make_unique<For>(locOf(ctx), std::move(target), std::move(iter),
                               buildBlock(ctx->block()),
                               buildElse(ctx->else_clause()));
}

StmtPtr ASTBuilder::buildWhile(P::While_stmtContext *ctx) {
  if (!enterLoop(locOf(ctx)))
    return nullptr;
  llvm::scope_exit leave([&] { --loopDepth; });
  return std::make_unique<While>(locOf(ctx), buildTest(ctx->test()),
                                 buildBlock(ctx->block()),
                                 buildElse(ctx->else_clause()));
}

StmtPtr ASTBuilder::buildTry(P::Try_stmtContext *ctx) {
  // Blocks in order: the body, one per except clause, then else and
  // finally, which the grammar tells apart by their keywords.
  std::vector<P::BlockContext *> blocks = ctx->block();
  StmtList body = buildBlock(blocks[0]);
  std::vector<ExceptHandler> handlers;
  size_t next = 1;
  for (P::Except_clauseContext *clause : ctx->except_clause()) {
    ExceptHandler handler;
    handler.loc = locOf(clause);
    if (clause->test())
      handler.type = buildTest(clause->test());
    if (clause->NAME())
      handler.name = clause->NAME()->getText();
    handler.body = buildBlock(blocks[next++]);
    handlers.push_back(std::move(handler));
  }
  StmtList orelse = buildElse(ctx->else_clause());
  StmtList finalbody;
  if (ctx->FINALLY())
    finalbody = buildBlock(blocks[next]);
  return std::make_unique<Try>(locOf(ctx), std::move(body), std::move(handlers),
                               std::move(orelse), std::move(finalbody));
}

StmtPtr ASTBuilder::buildDecorated(P::DecoratedContext *ctx) {
  ExprList decorators;
  for (P::DecoratorContext *decorator : ctx->decorator())
    decorators.push_back(buildTest(decorator->test()));
  if (ctx->funcdef())
    return buildFuncDef(ctx->funcdef(), std::move(decorators));
  if (ctx->classdef())
    diags.error(locOf(ctx->classdef()), outside("'class' definitions"));
  else
    diags.error(locOf(ctx->async_stmt()),
                outside("'async' functions and statements"));
  return nullptr;
}

StmtPtr ASTBuilder::buildFuncDef(P::FuncdefContext *ctx, ExprList decorators) {
  // A function's loops are counted on their own, as CPython counts them per
  // code object.
  int outerLoops = loopDepth;
  loopDepth = 0;
  llvm::scope_exit restore([&] { loopDepth = outerLoops; });
  std::vector<Param> params;
  if (ctx->parameters())
    params = buildParams(ctx->parameters());
  ExprPtr returns = ctx->ARROW() ? buildTest(ctx->test()) : nullptr;
  return std::make_unique<FunctionDef>(
      locOf(ctx), ctx->NAME()->getText(), std::move(params), std::move(returns),
      std::move(decorators), buildBlock(ctx->block()));
}

std::vector<Param> ASTBuilder::buildParams(P::ParametersContext *ctx) {
  std::vector<Param> params;
  llvm::StringSet<> seen;
  for (P::ParameterContext *param : ctx->parameter()) {
    if (!param->NAME() || param->STAR() || param->DOUBLESTAR()) {
      diags.error(locOf(param), outside("'*', '**' and '/' parameters"));
      continue;
    }
    Param p;
    p.loc = locOf(param->NAME());
    p.name = param->NAME()->getText();
    size_t next = 0;
    if (param->COLON())
      p.annotation = buildTest(param->test(next++));
    if (param->ASSIGN())
      p.defaultValue = buildTest(param->test(next));
    if (!seen.insert(p.name).second)
      diags.error(p.loc,
                  "duplicate argument '" + p.name + "' in function definition");
    if (!p.defaultValue && !params.empty() && params.back().defaultValue)
      diags.error(p.loc, "parameter without a default follows parameter "
                         "with a default");
    params.push_back(std::move(p));
  }
  return params;
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

ExprPtr ASTBuilder::buildTest(P::TestContext *ctx) {
  if (ctx->LAMBDA()) {
    std::vector<Param> params;
    if (ctx->parameters())
      params = buildParams(ctx->parameters());
    for (const Param &p : params)
      if (p.annotation || p.defaultValue)
        diags.error(p.loc, notYet("annotations and defaults of lambda "
                                  "parameters"));
    if (!ctx->test())
      return rejectExpr(locOf(ctx), "a lambda needs a body");
    return std::make_unique<Lambda>(locOf(ctx), std::move(params),
                                    buildTest(ctx->test()));
  }
  if (ctx->WALRUS())
    return rejectExpr(locOf(ctx->WALRUS()),
                      outside("assignment expressions (':=')"));
  std::vector<P::Or_testContext *> operands = ctx->or_test();
  if (operands.size() == 1)
    return buildOrTest(operands[0]);
  ExprPtr body = buildOrTest(operands[0]);
  ExprPtr test = buildOrTest(operands[1]);
  return std::make_unique<IfExp>(locOf(ctx), std::move(test), std::move(body),
                                 buildTest(ctx->test()));
}

ExprPtr ASTBuilder::buildOrTest(P::Or_testContext *ctx) {
  std::vector<P::And_testContext *> operands = ctx->and_test();
  if (operands.size() == 1)
    return buildAndTest(operands[0]);
  ExprList values;
  for (P::And_testContext *operand : operands)
    values.push_back(buildAndTest(operand));
  return std::make_unique<BoolOp>(locOf(ctx), BoolOpKind::Or,
                                  std::move(values));
}

ExprPtr ASTBuilder::buildAndTest(P::And_testContext *ctx) {
  std::vector<P::Not_testContext *> operands = ctx->not_test();
  if (operands.size() == 1)
    return buildNotTest(operands[0]);
  ExprList values;
  for (P::Not_testContext *operand : operands)
    values.push_back(buildNotTest(operand));
  return std::make_unique<BoolOp>(locOf(ctx), BoolOpKind::And,
                                  std::move(values));
}

ExprPtr ASTBuilder::buildNotTest(P::Not_testContext *ctx) {
  if (ctx->NOT())
    return std::make_unique<UnaryOp>(locOf(ctx), UnaryOpKind::Not,
                                     buildNotTest(ctx->not_test()));
  return buildComparison(ctx->comparison());
}

// `a < b <= c` is one Compare node; a parenthesised comparison is an atom
// and therefore never joins the chain.
ExprPtr ASTBuilder::buildComparison(P::ComparisonContext *ctx) {
  std::vector<P::ExprContext *> operands = ctx->expr();
  if (operands.size() == 1)
    return buildExpr(operands[0]);
  std::vector<CmpOpKind> ops;
  for (P::Comp_opContext *op : ctx->comp_op())
    ops.push_back(cmpOpFor(op));
  ExprList comparators;
  for (size_t i = 1; i < operands.size(); ++i)
    comparators.push_back(buildExpr(operands[i]));
  return std::make_unique<Compare>(locOf(ctx), buildExpr(operands[0]),
                                   std::move(ops), std::move(comparators));
}

template <typename OperandCtx>
ExprPtr
ASTBuilder::buildBinOpChain(antlr4::ParserRuleContext *ctx,
                            ExprPtr (ASTBuilder::*build)(OperandCtx *)) {
  // Children alternate operand, operator token, operand, ...
  const auto &children = ctx->children;
  ExprPtr lhs = (this->*build)(static_cast<OperandCtx *>(children[0]));
  for (size_t i = 1; i + 1 < children.size(); i += 2) {
    auto *op = static_cast<TerminalNode *>(children[i]);
    ExprPtr rhs = (this->*build)(static_cast<OperandCtx *>(children[i + 1]));
    lhs = std::make_unique<BinOp>(locOf(ctx),
                                  binOpFor(op->getSymbol()->getType()),
                                  std::move(lhs), std::move(rhs));
  }
  return lhs;
}

ExprPtr ASTBuilder::buildExpr(P::ExprContext *ctx) {
  return buildBinOpChain(ctx, &ASTBuilder::buildXorExpr);
}
ExprPtr ASTBuilder::buildXorExpr(P::Xor_exprContext *ctx) {
  return buildBinOpChain(ctx, &ASTBuilder::buildAndExpr);
}
ExprPtr ASTBuilder::buildAndExpr(P::And_exprContext *ctx) {
  return buildBinOpChain(ctx, &ASTBuilder::buildShiftExpr);
}
ExprPtr ASTBuilder::buildShiftExpr(P::Shift_exprContext *ctx) {
  return buildBinOpChain(ctx, &ASTBuilder::buildArithExpr);
}
ExprPtr ASTBuilder::buildArithExpr(P::Arith_exprContext *ctx) {
  return buildBinOpChain(ctx, &ASTBuilder::buildTerm);
}
ExprPtr ASTBuilder::buildTerm(P::TermContext *ctx) {
  return buildBinOpChain(ctx, &ASTBuilder::buildFactor);
}

ExprPtr ASTBuilder::buildFactor(P::FactorContext *ctx) {
  if (ctx->power())
    return buildPower(ctx->power());
  UnaryOpKind op = ctx->PLUS()    ? UnaryOpKind::Pos
                   : ctx->MINUS() ? UnaryOpKind::Neg
                                  : UnaryOpKind::Invert;
  return std::make_unique<UnaryOp>(locOf(ctx), op, buildFactor(ctx->factor()));
}

ExprPtr ASTBuilder::buildPower(P::PowerContext *ctx) {
  ExprPtr base = buildAtomExpr(ctx->atom_expr());
  if (!ctx->DOUBLESTAR())
    return base;
  return std::make_unique<BinOp>(locOf(ctx), BinOpKind::Pow, std::move(base),
                                 buildFactor(ctx->factor()));
}

ExprPtr ASTBuilder::buildAtomExpr(P::Atom_exprContext *ctx) {
  SourceLoc loc = locOf(ctx);
  if (ctx->AWAIT())
    return rejectExpr(loc, outside("'await' expressions"));
  ExprPtr value = buildAtom(ctx->atom());
  for (P::TrailerContext *trailer : ctx->trailer())
    value = buildTrailer(std::move(value), loc, trailer);
  return value;
}

ExprPtr ASTBuilder::buildTrailer(ExprPtr value, SourceLoc loc,
                                 P::TrailerContext *ctx) {
  if (ctx->DOT())
    return std::make_unique<Attribute>(loc, std::move(value),
                                       ctx->NAME()->getText());
  if (ctx->LPAR())
    return buildCall(std::move(value), loc, ctx->arglist());
  P::SubscriptlistContext *list = ctx->subscriptlist();
  std::vector<P::SubscriptContext *> subscripts = list->subscript();
  ExprPtr index;
  if (subscripts.size() == 1 && list->COMMA().empty()) {
    index = buildSubscript(subscripts[0]);
  } else {
    ExprList elts;
    for (P::SubscriptContext *subscript : subscripts)
      elts.push_back(buildSubscript(subscript));
    index = std::make_unique<Tuple>(locOf(list), std::move(elts));
  }
  return std::make_unique<Subscript>(loc, std::move(value), std::move(index));
}

ExprPtr ASTBuilder::buildCall(ExprPtr func, SourceLoc loc,
                              P::ArglistContext *ctx) {
  ExprList args;
  std::vector<Keyword> keywords;
  llvm::StringSet<> seen;
  for (P::ArgumentContext *arg :
       ctx ? ctx->argument() : std::vector<P::ArgumentContext *>()) {
    SourceLoc argLoc = locOf(arg);
    if (arg->STAR() || arg->DOUBLESTAR()) {
      diags.error(argLoc, outside("'*' and '**' arguments"));
    } else if (arg->comp_for()) {
      diags.error(argLoc, outside("generator expressions"));
    } else if (arg->NAME()) {
      std::string name = arg->NAME()->getText();
      if (!seen.insert(name).second)
        diags.error(argLoc, "keyword argument repeated: " + name);
      keywords.push_back({argLoc, std::move(name), buildTest(arg->test())});
    } else {
      if (!keywords.empty())
        diags.error(argLoc, "positional argument follows keyword argument");
      args.push_back(buildTest(arg->test()));
    }
  }
  return std::make_unique<Call>(loc, std::move(func), std::move(args),
                                std::move(keywords));
}

ExprPtr ASTBuilder::buildSubscript(P::SubscriptContext *ctx) {
  if (ctx->COLON().empty())
    return buildTest(ctx->test(0));
  // `lower:upper:step`: each colon moves on to the next part.
  ExprPtr parts[3];
  size_t slot = 0;
  for (antlr4::tree::ParseTree *child : ctx->children) {
    if (auto *test = dynamic_cast<P::TestContext *>(child))
      parts[slot] = buildTest(test);
    else
      ++slot;
  }
  return std::make_unique<Slice>(locOf(ctx), std::move(parts[0]),
                                 std::move(parts[1]), std::move(parts[2]));
}

ExprPtr ASTBuilder::buildAtom(P::AtomContext *ctx) {
  SourceLoc loc = locOf(ctx);
  if (ctx->LPAR())
    return buildParenthesized(ctx);
  if (ctx->LSQB()) {
    P::Testlist_compContext *list = ctx->testlist_comp();
    if (list && list->comp_for())
      return buildListComp(list, loc);
    return std::make_unique<List>(loc, list ? buildElements(list) : ExprList());
  }
  if (ctx->LBRACE()) {
    P::DictorsetmakerContext *maker = ctx->dictorsetmaker();
    bool isDict =
        !maker || !maker->COLON().empty() || !maker->DOUBLESTAR().empty();
    std::string kind = isDict ? "dict" : "set";
    bool isComp = maker && maker->comp_for();
    return rejectExpr(
        loc, outside(kind + (isComp ? " comprehensions" : " literals")));
  }
  if (ctx->NAME())
    return std::make_unique<Name>(loc, ctx->NAME()->getText());
  if (ctx->NUMBER())
    return buildNumber(ctx->NUMBER()->getSymbol());
  if (!ctx->STRING().empty())
    return buildStrings(ctx);
  if (ctx->NONE())
    return std::make_unique<NoneLit>(loc);
  return std::make_unique<BoolLit>(loc, ctx->TRUE() != nullptr);
}

ExprPtr ASTBuilder::buildParenthesized(P::AtomContext *ctx) {
  SourceLoc loc = locOf(ctx);
  if (ctx->yield_expr())
    return rejectExpr(loc, outside("'yield' expressions"));
  P::Testlist_compContext *list = ctx->testlist_comp();
  if (!list)
    return std::make_unique<Tuple>(loc, ExprList());
  if (list->comp_for())
    return rejectExpr(loc, outside("generator expressions"));
  ExprList elts = buildElements(list);
  if (elts.size() == 1 && list->COMMA().empty())
    return std::move(elts[0]);
  return std::make_unique<Tuple>(loc, std::move(elts));
}

ExprPtr ASTBuilder::buildTupleOrSingle(antlr4::ParserRuleContext *ctx) {
  ExprList elts = buildElements(ctx);
  if (ctx->children.size() == 1)
    return std::move(elts[0]);
  return std::make_unique<Tuple>(locOf(ctx), std::move(elts));
}

ExprPtr ASTBuilder::buildListComp(P::Testlist_compContext *ctx, SourceLoc loc) {
  ExprPtr elt = buildElement(ctx->children.front());
  std::vector<Comprehension> generators;
  // comp_for and comp_if chain: each `for` opens a clause, each `if`
  // filters the clause before it.
  antlr4::ParserRuleContext *next = ctx->comp_for();
  while (next) {
    if (auto *forCtx = dynamic_cast<P::Comp_forContext *>(next)) {
      if (forCtx->ASYNC())
        return rejectExpr(locOf(forCtx), outside("async comprehensions"));
      Comprehension clause;
      clause.target = buildTupleOrSingle(forCtx->exprlist());
      checkTarget(*clause.target, /*aug=*/false);
      clause.iter = buildOrTest(forCtx->or_test());
      generators.push_back(std::move(clause));
      next = forCtx->comp_for()
                 ? static_cast<antlr4::ParserRuleContext *>(forCtx->comp_for())
                 : forCtx->comp_if();
    } else {
      auto *ifCtx = static_cast<P::Comp_ifContext *>(next);
      generators.back().ifs.push_back(buildOrTest(ifCtx->or_test()));
      next = ifCtx->comp_for()
                 ? static_cast<antlr4::ParserRuleContext *>(ifCtx->comp_for())
                 : ifCtx->comp_if();
    }
  }
  return std::make_unique<ListComp>(loc, std::move(elt), std::move(generators));
}

ExprList ASTBuilder::buildElements(antlr4::ParserRuleContext *ctx) {
  ExprList elts;
  for (antlr4::tree::ParseTree *child : ctx->children)
    if (!dynamic_cast<TerminalNode *>(child))
      elts.push_back(buildElement(child));
  return elts;
}

ExprPtr ASTBuilder::buildElement(antlr4::tree::ParseTree *child) {
  if (auto *test = dynamic_cast<P::TestContext *>(child))
    return buildTest(test);
  if (auto *expr = dynamic_cast<P::ExprContext *>(child))
    return buildExpr(expr);
  auto *star = static_cast<P::Star_exprContext *>(child);
  return rejectExpr(locOf(star), outside("starred expressions"));
}

//===----------------------------------------------------------------------===//
// Literals
//===----------------------------------------------------------------------===//

ExprPtr ASTBuilder::buildNumber(antlr4::Token *tok) {
  SourceLoc loc = locOf(tok);
  std::string text;
  for (char c : tok->getText())
    if (c != '_')
      text += c;
  llvm::StringRef ref(text);
  if (ref.ends_with_insensitive("j"))
    return rejectExpr(loc, notYet("complex literals"));
  unsigned radix = 10;
  if (ref.size() > 2 && ref[0] == '0' && std::isalpha(ref[1])) {
    radix = llvm::StringSwitch<unsigned>(ref.substr(1, 1).lower())
                .Case("x", 16)
                .Case("o", 8)
                .Default(2);
    ref = ref.drop_front(2);
  } else if (ref.find_first_of(".eE") != llvm::StringRef::npos) {
    // Out-of-range floats become inf, as in Python.
    return std::make_unique<FloatLit>(loc, std::strtod(text.c_str(), nullptr));
  }
  uint64_t value = 0;
  if (ref.getAsInteger(radix, value) ||
      value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
    return rejectExpr(loc, "integer literal too large");
  return std::make_unique<IntLit>(loc, static_cast<int64_t>(value));
}

ExprPtr ASTBuilder::buildStrings(P::AtomContext *ctx) {
  SourceLoc loc = locOf(ctx);
  // Adjacent literals join; one f-string among them makes the whole an
  // f-string.
  std::vector<FormattedString::Part> parts;
  bool formatted = false;
  auto addText = [&](std::string text) {
    if (!parts.empty() && !parts.back().value)
      parts.back().text += text;
    else
      parts.push_back({std::move(text), nullptr, 0, nullptr});
  };
  for (TerminalNode *node : ctx->STRING()) {
    std::string text = node->getText();
    size_t quote = text.find_first_of("'\"");
    std::string prefix = llvm::StringRef(text).take_front(quote).lower();
    if (prefix.find('b') != std::string::npos)
      return rejectExpr(locOf(node), outside("bytes literals"));
    size_t quoteLen =
        text.compare(quote, 3, std::string(3, text[quote])) == 0 ? 3 : 1;
    std::string body =
        text.substr(quote + quoteLen, text.size() - quote - 2 * quoteLen);
    // Source lines end in "\n" whatever the file uses, as in Python.
    for (size_t pos; (pos = body.find("\r\n")) != std::string::npos;)
      body.erase(pos, 1);
    bool raw = prefix.find('r') != std::string::npos;
    if (prefix.find('f') != std::string::npos) {
      formatted = true;
      SourceLoc bodyLoc = locOf(node);
      bodyLoc.col += static_cast<int>(quote + quoteLen);
      if (parseFormattedBody(body, 0, raw, bodyLoc, 0, parts,
                             /*inSpec=*/false) == std::string::npos)
        return std::make_unique<NoneLit>(loc);
      continue;
    }
    addText(raw ? body : decodeEscapes(body, locOf(node)));
  }
  if (!formatted)
    return std::make_unique<StrLit>(loc, parts.empty() ? std::string()
                                                       : parts[0].text);
  return std::make_unique<FormattedString>(loc, std::move(parts));
}

static int hexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

std::string ASTBuilder::decodeEscapes(const std::string &body, SourceLoc loc) {
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 == body.size()) {
      out += body[i];
      continue;
    }
    char c = body[++i];
    // Escapes that name a code point: \ooo, \xhh, \uxxxx, \Uxxxxxxxx.
    unsigned digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
    uint32_t codePoint = 0;
    if (c >= '0' && c <= '7') {
      codePoint = c - '0';
      for (int n = 1; n < 3 && i + 1 < body.size() && body[i + 1] >= '0' &&
                      body[i + 1] <= '7';
           ++n)
        codePoint = codePoint * 8 + (body[++i] - '0');
    } else if (digits) {
      for (unsigned n = 0; n < digits; ++n) {
        int v = i + 1 < body.size() ? hexValue(body[i + 1]) : -1;
        if (v < 0) {
          diags.error(loc, std::string("truncated \\") + c +
                               " escape in string literal");
          return out;
        }
        codePoint = codePoint * 16 + v;
        ++i;
      }
    } else {
      switch (c) {
      case '\n':
        continue;
      case 'n':
        out += '\n';
        continue;
      case 't':
        out += '\t';
        continue;
      case 'r':
        out += '\r';
        continue;
      case '\\':
      case '\'':
      case '"':
        out += c;
        continue;
      case 'a':
        out += '\a';
        continue;
      case 'b':
        out += '\b';
        continue;
      case 'f':
        out += '\f';
        continue;
      case 'v':
        out += '\v';
        continue;
      case 'N':
        diags.error(loc, notYet("named unicode escapes (\\N{...})"));
        return out;
      default:
        // Python keeps unknown escapes as written.
        out += '\\';
        out += c;
        continue;
      }
    }
    char buf[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
    char *end = buf;
    if (!llvm::ConvertCodePointToUTF8(codePoint, end)) {
      diags.error(loc, "invalid code point in string literal escape");
      return out;
    }
    out.append(buf, end);
  }
  return out;
}
