//===- ASTDump.cpp - Printing the nmc AST ---------------------------------===//
//
// `nmc --emit=ast` format: one node a line, indented two spaces per depth.
//
//   Module <file name without directories>
//   <Kind> [<payload>] @<line>:<col>     a node
//   <Label>                             a field of the node above, holding
//                                       the nodes indented below it
//
// Statements:
//   Import @l:c                 children: Alias <module> [as <name>] @l:c,
//                                 or for `from m import x as y`:
//                                 Alias from <m> import <x> [as <y>] @l:c
//                                 (`as` shown only when it renames)
//   FunctionDef <name> @l:c     Decorator*, Param <name> @l:c (with
//                               Annotation/Default), Returns?, Body
//   Assign @l:c                 Target+, Annotation?, Value
//   AugAssign <op>= @l:c        Target, Value
//   If @l:c / While @l:c        Test, Body, Else?
//   For @l:c                    Target, Iter, Body, Else?
//   Return @l:c                 the value, if any
//   Assert @l:c                 Test, Msg?
//   Raise @l:c                  Exc
//   Try @l:c                    Body, Except [as name] @l:c (Type?, Body)
//                               for each clause, Else?, Finally?
//   ExprStmt @l:c               the expression
//   Break, Continue, Pass @l:c
// Expressions:
//   IntLit 42, FloatLit 0.5, StrLit 'text' (Python repr), BoolLit True,
//   NoneLit, Name x                                          leaves
//   Attribute <attr>            the value
//   Subscript                   the value, then the index
//   Slice                       Lower?, Upper?, Step?
//   Call                        the callee, the positional arguments, then
//                               Keyword <name> @l:c holding each value
//   BinOp <op>, UnaryOp <op>, BoolOp and|or    the operands
//   Compare <op> <op>...        the left operand, then the comparators
//   IfExp                       Test, Body, Else
//   Tuple, List                 the elements
//   FormattedString             its parts: Text 'text', or Field !r?
//                               holding the value and Spec?
//
//===----------------------------------------------------------------------===//

#include "nmc/AST/AST.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/Path.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>

using namespace nmc;
using namespace nmc::ast;
using llvm::cast;
using llvm::isa;

const char *ast::spell(BinOpKind op) {
  switch (op) {
  case BinOpKind::Add:
    return "+";
  case BinOpKind::Sub:
    return "-";
  case BinOpKind::Mul:
    return "*";
  case BinOpKind::Div:
    return "/";
  case BinOpKind::FloorDiv:
    return "//";
  case BinOpKind::Mod:
    return "%";
  case BinOpKind::Pow:
    return "**";
  case BinOpKind::MatMul:
    return "@";
  case BinOpKind::LShift:
    return "<<";
  case BinOpKind::RShift:
    return ">>";
  case BinOpKind::BitAnd:
    return "&";
  case BinOpKind::BitOr:
    return "|";
  case BinOpKind::BitXor:
    return "^";
  }
  llvm_unreachable("unknown BinOpKind");
}

const char *ast::spell(UnaryOpKind op) {
  switch (op) {
  case UnaryOpKind::Neg:
    return "-";
  case UnaryOpKind::Pos:
    return "+";
  case UnaryOpKind::Not:
    return "not";
  case UnaryOpKind::Invert:
    return "~";
  }
  llvm_unreachable("unknown UnaryOpKind");
}

const char *ast::spell(BoolOpKind op) {
  return op == BoolOpKind::And ? "and" : "or";
}

const char *ast::spell(CmpOpKind op) {
  switch (op) {
  case CmpOpKind::Eq:
    return "==";
  case CmpOpKind::NotEq:
    return "!=";
  case CmpOpKind::Lt:
    return "<";
  case CmpOpKind::LtE:
    return "<=";
  case CmpOpKind::Gt:
    return ">";
  case CmpOpKind::GtE:
    return ">=";
  case CmpOpKind::Is:
    return "is";
  case CmpOpKind::IsNot:
    return "is not";
  case CmpOpKind::In:
    return "in";
  case CmpOpKind::NotIn:
    return "not in";
  }
  llvm_unreachable("unknown CmpOpKind");
}

/// Python's repr of a float: the shortest digits that read back as
/// `value`, positional for exponents in [-4, 16), scientific otherwise.
static std::string formatFloat(double value) {
  if (std::isinf(value))
    return value < 0 ? "-inf" : "inf";
  if (std::isnan(value))
    return "nan";
  char buf[32];
  for (int precision = 0; precision <= 16; ++precision) {
    std::snprintf(buf, sizeof(buf), "%.*e", precision, value);
    if (std::strtod(buf, nullptr) == value)
      break;
  }
  // buf is `[-]d[.ddd]e±XX`.
  llvm::StringRef text(buf);
  auto [mantissa, expText] = text.split('e');
  int exp = std::atoi(expText.str().c_str());
  std::string sign = mantissa.consume_front("-") ? "-" : "";
  std::string digits = (mantissa.take_front(1) + mantissa.drop_front(2)).str();
  if (exp < -4 || exp >= 16) {
    std::string frac = digits.size() > 1 ? "." + digits.substr(1) : "";
    char expBuf[16];
    std::snprintf(expBuf, sizeof(expBuf), "e%c%02d", exp < 0 ? '-' : '+',
                  std::abs(exp));
    return sign + digits.substr(0, 1) + frac + expBuf;
  }
  if (exp < 0)
    return sign + "0." + std::string(-exp - 1, '0') + digits;
  if (digits.size() <= static_cast<size_t>(exp) + 1)
    return sign + digits + std::string(exp + 1 - digits.size(), '0') + ".0";
  return sign + digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
}

/// Python's repr of a str.
static std::string quoteString(llvm::StringRef value) {
  char quote = value.contains('\'') && !value.contains('"') ? '"' : '\'';
  std::string out(1, quote);
  for (unsigned char c : value) {
    if (c == quote || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\x%02x", c);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + quote;
}

//===----------------------------------------------------------------------===//
// dump
//===----------------------------------------------------------------------===//

namespace {

class Dumper {
public:
  explicit Dumper(llvm::raw_ostream &os) : os(os) {}

  void dumpModule(const Module &module);

private:
  /// Prints one line at the current depth; children follow one deeper.
  void node(const std::string &text, SourceLoc loc);
  void label(const char *text);
  void nested(const std::function<void()> &children);
  /// A label with one expression under it; nothing if `expr` is null.
  void field(const char *name, const Expr *expr);
  void field(const char *name, const StmtList &body);

  void dumpStmt(const Stmt &stmt);
  void dumpExpr(const Expr &expr);
  void dumpFunctionDef(const FunctionDef &def);
  void dumpImport(const Import &import);

  llvm::raw_ostream &os;
  unsigned depth = 0;
};

} // namespace

void Dumper::node(const std::string &text, SourceLoc loc) {
  os.indent(2 * depth) << text << " @" << loc.line << ":" << loc.col << "\n";
}

void Dumper::label(const char *text) { os.indent(2 * depth) << text << "\n"; }

void Dumper::nested(const std::function<void()> &children) {
  ++depth;
  children();
  --depth;
}

void Dumper::field(const char *name, const Expr *expr) {
  if (!expr)
    return;
  label(name);
  nested([&] { dumpExpr(*expr); });
}

void Dumper::field(const char *name, const StmtList &body) {
  if (body.empty())
    return;
  label(name);
  nested([&] {
    for (const StmtPtr &stmt : body)
      dumpStmt(*stmt);
  });
}

void Dumper::dumpModule(const Module &module) {
  os << "Module " << llvm::sys::path::filename(module.filename) << "\n";
  nested([&] {
    for (const StmtPtr &stmt : module.body)
      dumpStmt(*stmt);
  });
}

void Dumper::dumpImport(const Import &import) {
  node("Import", import.getLoc());
  nested([&] {
    for (const ImportAlias &alias : import.names) {
      std::string text = "Alias ";
      if (alias.name.empty())
        text +=
            alias.module + (alias.asName.empty() ? "" : " as " + alias.asName);
      else
        text += "from " + alias.module + " import " + alias.name +
                (alias.asName == alias.name ? "" : " as " + alias.asName);
      node(text, alias.loc);
    }
  });
}

void Dumper::dumpFunctionDef(const FunctionDef &def) {
  node("FunctionDef " + def.name, def.getLoc());
  nested([&] {
    for (const ExprPtr &decorator : def.decorators)
      field("Decorator", decorator.get());
    for (const Param &param : def.params) {
      node("Param " + param.name, param.loc);
      nested([&] {
        field("Annotation", param.annotation.get());
        field("Default", param.defaultValue.get());
      });
    }
    field("Returns", def.returns.get());
    field("Body", def.body);
  });
}

void Dumper::dumpStmt(const Stmt &stmt) {
  SourceLoc loc = stmt.getLoc();
  switch (stmt.getKind()) {
  case Stmt::Kind::Expr:
    node("ExprStmt", loc);
    return nested([&] { dumpExpr(*cast<ExprStmt>(stmt).value); });
  case Stmt::Kind::Assign: {
    const auto &assign = cast<Assign>(stmt);
    node("Assign", loc);
    return nested([&] {
      for (const ExprPtr &target : assign.targets)
        field("Target", target.get());
      field("Annotation", assign.annotation.get());
      field("Value", assign.value.get());
    });
  }
  case Stmt::Kind::AugAssign: {
    const auto &aug = cast<AugAssign>(stmt);
    node(std::string("AugAssign ") + spell(aug.op) + "=", loc);
    return nested([&] {
      field("Target", aug.target.get());
      field("Value", aug.value.get());
    });
  }
  case Stmt::Kind::If: {
    const auto &ifStmt = cast<If>(stmt);
    node("If", loc);
    return nested([&] {
      field("Test", ifStmt.test.get());
      field("Body", ifStmt.body);
      field("Else", ifStmt.orelse);
    });
  }
  case Stmt::Kind::For: {
    const auto &forStmt = cast<For>(stmt);
    node("For", loc);
    return nested([&] {
      field("Target", forStmt.target.get());
      field("Iter", forStmt.iter.get());
      field("Body", forStmt.body);
      field("Else", forStmt.orelse);
    });
  }
  case Stmt::Kind::While: {
    const auto &whileStmt = cast<While>(stmt);
    node("While", loc);
    return nested([&] {
      field("Test", whileStmt.test.get());
      field("Body", whileStmt.body);
      field("Else", whileStmt.orelse);
    });
  }
  case Stmt::Kind::Break:
    return node("Break", loc);
  case Stmt::Kind::Continue:
    return node("Continue", loc);
  case Stmt::Kind::Pass:
    return node("Pass", loc);
  case Stmt::Kind::Return: {
    node("Return", loc);
    const Expr *value = cast<Return>(stmt).value.get();
    return nested([&] {
      if (value)
        dumpExpr(*value);
    });
  }
  case Stmt::Kind::Import:
    return dumpImport(cast<Import>(stmt));
  case Stmt::Kind::FunctionDef:
    return dumpFunctionDef(cast<FunctionDef>(stmt));
  case Stmt::Kind::Assert: {
    const auto &assert = cast<Assert>(stmt);
    node("Assert", loc);
    return nested([&] {
      field("Test", assert.test.get());
      field("Msg", assert.msg.get());
    });
  }
  case Stmt::Kind::Raise:
    node("Raise", loc);
    return nested([&] { field("Exc", cast<Raise>(stmt).exc.get()); });
  case Stmt::Kind::Try: {
    const auto &tryStmt = cast<Try>(stmt);
    node("Try", loc);
    return nested([&] {
      field("Body", tryStmt.body);
      for (const ExceptHandler &handler : tryStmt.handlers) {
        node(handler.name.empty() ? std::string("Except")
                                  : "Except as " + handler.name,
             handler.loc);
        nested([&] {
          field("Type", handler.type.get());
          field("Body", handler.body);
        });
      }
      field("Else", tryStmt.orelse);
      field("Finally", tryStmt.finalbody);
    });
  }
  }
}

void Dumper::dumpExpr(const Expr &expr) {
  SourceLoc loc = expr.getLoc();
  auto children = [&](const ExprList &elts) {
    nested([&] {
      for (const ExprPtr &elt : elts)
        dumpExpr(*elt);
    });
  };
  switch (expr.getKind()) {
  case Expr::Kind::IntLit:
    return node("IntLit " + std::to_string(cast<IntLit>(expr).value), loc);
  case Expr::Kind::FloatLit:
    return node("FloatLit " + formatFloat(cast<FloatLit>(expr).value), loc);
  case Expr::Kind::StrLit:
    return node("StrLit " + quoteString(cast<StrLit>(expr).value), loc);
  case Expr::Kind::BoolLit:
    return node(cast<BoolLit>(expr).value ? "BoolLit True" : "BoolLit False",
                loc);
  case Expr::Kind::NoneLit:
    return node("NoneLit", loc);
  case Expr::Kind::Name:
    return node("Name " + cast<Name>(expr).id, loc);
  case Expr::Kind::Attribute: {
    const auto &attr = cast<Attribute>(expr);
    node("Attribute " + attr.attr, loc);
    return nested([&] { dumpExpr(*attr.value); });
  }
  case Expr::Kind::Subscript: {
    const auto &sub = cast<Subscript>(expr);
    node("Subscript", loc);
    return nested([&] {
      dumpExpr(*sub.value);
      dumpExpr(*sub.index);
    });
  }
  case Expr::Kind::Slice: {
    const auto &slice = cast<Slice>(expr);
    node("Slice", loc);
    return nested([&] {
      field("Lower", slice.lower.get());
      field("Upper", slice.upper.get());
      field("Step", slice.step.get());
    });
  }
  case Expr::Kind::Call: {
    const auto &call = cast<Call>(expr);
    node("Call", loc);
    return nested([&] {
      dumpExpr(*call.func);
      for (const ExprPtr &arg : call.args)
        dumpExpr(*arg);
      for (const Keyword &keyword : call.keywords) {
        node("Keyword " + keyword.name, keyword.loc);
        nested([&] { dumpExpr(*keyword.value); });
      }
    });
  }
  case Expr::Kind::BinOp: {
    const auto &bin = cast<BinOp>(expr);
    node(std::string("BinOp ") + spell(bin.op), loc);
    return nested([&] {
      dumpExpr(*bin.lhs);
      dumpExpr(*bin.rhs);
    });
  }
  case Expr::Kind::UnaryOp: {
    const auto &un = cast<UnaryOp>(expr);
    node(std::string("UnaryOp ") + spell(un.op), loc);
    return nested([&] { dumpExpr(*un.operand); });
  }
  case Expr::Kind::BoolOp: {
    const auto &boolOp = cast<BoolOp>(expr);
    node(std::string("BoolOp ") + spell(boolOp.op), loc);
    return children(boolOp.values);
  }
  case Expr::Kind::Compare: {
    const auto &cmp = cast<Compare>(expr);
    std::string text = "Compare";
    for (CmpOpKind op : cmp.ops)
      text += std::string(" ") + spell(op);
    node(text, loc);
    return nested([&] {
      dumpExpr(*cmp.left);
      for (const ExprPtr &comparator : cmp.comparators)
        dumpExpr(*comparator);
    });
  }
  case Expr::Kind::IfExp: {
    const auto &ifExp = cast<IfExp>(expr);
    node("IfExp", loc);
    return nested([&] {
      field("Test", ifExp.test.get());
      field("Body", ifExp.body.get());
      field("Else", ifExp.orelse.get());
    });
  }
  case Expr::Kind::Tuple:
    node("Tuple", loc);
    return children(cast<Tuple>(expr).elts);
  case Expr::Kind::List:
    node("List", loc);
    return children(cast<List>(expr).elts);
  case Expr::Kind::ListComp: {
    const auto &comp = cast<ListComp>(expr);
    node("ListComp", loc);
    return nested([&] {
      field("Element", comp.elt.get());
      for (const Comprehension &clause : comp.generators) {
        field("For", clause.target.get());
        field("In", clause.iter.get());
        for (const ExprPtr &cond : clause.ifs)
          field("If", cond.get());
      }
    });
  }
  case Expr::Kind::Lambda: {
    const auto &lambda = cast<Lambda>(expr);
    std::string params;
    for (const Param &p : lambda.params)
      params += (params.empty() ? "" : ", ") + p.name;
    node("Lambda(" + params + ")", loc);
    return nested([&] { field("Body", lambda.body.get()); });
  }
  case Expr::Kind::FormattedString:
    node("FormattedString", loc);
    return nested([&] {
      for (const FormattedString::Part &part :
           cast<FormattedString>(expr).parts) {
        if (!part.value) {
          node("Text " + quoteString(part.text), loc);
          continue;
        }
        node(part.conversion ? std::string("Field !") + part.conversion
                             : std::string("Field"),
             part.value->getLoc());
        nested([&] {
          dumpExpr(*part.value);
          if (part.spec)
            field("Spec", part.spec.get());
        });
      }
    });
  }
}

void ast::dump(const Module &module, llvm::raw_ostream &os) {
  Dumper(os).dumpModule(module);
}

//===----------------------------------------------------------------------===//
// toSource
//===----------------------------------------------------------------------===//

static bool isOperation(const Expr &expr) {
  return isa<BinOp, UnaryOp, BoolOp, Compare, IfExp>(expr);
}

/// `expr` as an operand: operations are parenthesised whatever the
/// precedence, which is always correct and easy to read.
static std::string operand(const Expr &expr) {
  std::string text = toSource(expr);
  return isOperation(expr) ? "(" + text + ")" : text;
}

/// `expr` before `.attr`, `[...]` or `(...)`; `1.real` would lex as a float.
static std::string primary(const Expr &expr) {
  std::string text = toSource(expr);
  return isOperation(expr) || isa<IntLit>(expr) ? "(" + text + ")" : text;
}

static std::string join(const ExprList &elts) {
  std::string text;
  for (const ExprPtr &elt : elts)
    text += (text.empty() ? "" : ", ") + toSource(*elt);
  return text;
}

/// Literal text as an f-string holds it: braces doubled.
static std::string doubledBraces(llvm::StringRef text) {
  std::string out;
  for (char c : text)
    out += c == '{' || c == '}' ? std::string(2, c) : std::string(1, c);
  return out;
}

/// The text between an f-string's quotes, before escaping.
static std::string formattedText(const FormattedString &fstring) {
  std::string text;
  for (const FormattedString::Part &part : fstring.parts) {
    if (!part.value) {
      text += doubledBraces(part.text);
      continue;
    }
    text += "{" + ast::toSource(*part.value);
    if (part.conversion)
      text += std::string("!") + part.conversion;
    if (auto *spec = llvm::dyn_cast_or_null<StrLit>(part.spec.get()))
      text += ":" + doubledBraces(spec->value);
    else if (auto *spec =
                 llvm::dyn_cast_or_null<FormattedString>(part.spec.get()))
      text += ":" + formattedText(*spec);
    text += "}";
  }
  return text;
}

std::string ast::toSource(const Expr &expr) {
  switch (expr.getKind()) {
  case Expr::Kind::IntLit:
    return std::to_string(cast<IntLit>(expr).value);
  case Expr::Kind::FloatLit:
    return formatFloat(cast<FloatLit>(expr).value);
  case Expr::Kind::StrLit:
    return quoteString(cast<StrLit>(expr).value);
  case Expr::Kind::BoolLit:
    return cast<BoolLit>(expr).value ? "True" : "False";
  case Expr::Kind::NoneLit:
    return "None";
  case Expr::Kind::Name:
    return cast<Name>(expr).id;
  case Expr::Kind::Attribute: {
    const auto &attr = cast<Attribute>(expr);
    return primary(*attr.value) + "." + attr.attr;
  }
  case Expr::Kind::Subscript: {
    const auto &sub = cast<Subscript>(expr);
    const auto *tuple = llvm::dyn_cast<Tuple>(sub.index.get());
    std::string index = !tuple                    ? toSource(*sub.index)
                        : tuple->elts.size() == 1 ? join(tuple->elts) + ","
                                                  : join(tuple->elts);
    return primary(*sub.value) + "[" + index + "]";
  }
  case Expr::Kind::Slice: {
    const auto &slice = cast<Slice>(expr);
    auto part = [](const ExprPtr &e) { return e ? toSource(*e) : ""; };
    std::string text = part(slice.lower) + ":" + part(slice.upper);
    return slice.step ? text + ":" + part(slice.step) : text;
  }
  case Expr::Kind::Call: {
    const auto &call = cast<Call>(expr);
    std::string args = join(call.args);
    for (const Keyword &keyword : call.keywords)
      args += (args.empty() ? "" : ", ") + keyword.name + "=" +
              toSource(*keyword.value);
    return primary(*call.func) + "(" + args + ")";
  }
  case Expr::Kind::BinOp: {
    const auto &bin = cast<BinOp>(expr);
    return operand(*bin.lhs) + " " + spell(bin.op) + " " + operand(*bin.rhs);
  }
  case Expr::Kind::UnaryOp: {
    const auto &un = cast<UnaryOp>(expr);
    const char *sep = un.op == UnaryOpKind::Not ? " " : "";
    return spell(un.op) + (sep + operand(*un.operand));
  }
  case Expr::Kind::BoolOp: {
    const auto &boolOp = cast<BoolOp>(expr);
    std::string text;
    for (const ExprPtr &value : boolOp.values)
      text += (text.empty() ? "" : std::string(" ") + spell(boolOp.op) + " ") +
              operand(*value);
    return text;
  }
  case Expr::Kind::Compare: {
    const auto &cmp = cast<Compare>(expr);
    std::string text = operand(*cmp.left);
    for (size_t i = 0; i < cmp.ops.size(); ++i)
      text += std::string(" ") + spell(cmp.ops[i]) + " " +
              operand(*cmp.comparators[i]);
    return text;
  }
  case Expr::Kind::IfExp: {
    const auto &ifExp = cast<IfExp>(expr);
    return operand(*ifExp.body) + " if " + operand(*ifExp.test) + " else " +
           operand(*ifExp.orelse);
  }
  case Expr::Kind::Tuple: {
    const auto &tuple = cast<Tuple>(expr);
    return "(" + join(tuple.elts) + (tuple.elts.size() == 1 ? ",)" : ")");
  }
  case Expr::Kind::List:
    return "[" + join(cast<List>(expr).elts) + "]";
  case Expr::Kind::ListComp: {
    const auto &comp = cast<ListComp>(expr);
    std::string text = "[" + operand(*comp.elt);
    for (const Comprehension &clause : comp.generators) {
      text +=
          " for " + operand(*clause.target) + " in " + operand(*clause.iter);
      for (const ExprPtr &cond : clause.ifs)
        text += " if " + operand(*cond);
    }
    return text + "]";
  }
  case Expr::Kind::FormattedString:
    return "f" + quoteString(formattedText(cast<FormattedString>(expr)));
  case Expr::Kind::Lambda: {
    const auto &lambda = cast<Lambda>(expr);
    std::string text = "lambda";
    for (size_t i = 0; i < lambda.params.size(); ++i)
      text += (i ? ", " : " ") + lambda.params[i].name;
    return text + ": " + operand(*lambda.body);
  }
  }
  llvm_unreachable("unknown expression kind");
}
