//===- AST.h - The nmc abstract syntax tree ---------------------*- C++ -*-===//
//
// The frontend turns the ANTLR parse tree into this tree, which owns its
// children and carries a source location on every node. Later stages never
// see ANTLR types. Nodes use LLVM-style RTTI (`llvm::isa`, `llvm::dyn_cast`).
//
//===----------------------------------------------------------------------===//

#ifndef NMC_AST_AST_H
#define NMC_AST_AST_H

#include "nmc/Basic/Diagnostics.h"

#include "llvm/Support/Casting.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace nmc::ast {

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

class Expr {
public:
  enum class Kind {
    IntLit,
    FloatLit,
    StrLit,
    BoolLit,
    NoneLit,
    Name,
    Attribute,
    Subscript,
    Slice,
    Call,
    BinOp,
    UnaryOp,
    BoolOp,
    Compare,
    IfExp,
    Tuple,
    List,
    ListComp,
    FormattedString,
    Lambda,
  };

  Expr(Kind kind, SourceLoc loc) : kind(kind), loc(loc) {}
  virtual ~Expr() = default;

  Kind getKind() const { return kind; }
  SourceLoc getLoc() const { return loc; }

private:
  const Kind kind;
  SourceLoc loc;
};

using ExprPtr = std::unique_ptr<Expr>;
using ExprList = std::vector<ExprPtr>;

/// An integer literal; Python ints that do not fit int64 are rejected by the
/// frontend.
class IntLit : public Expr {
public:
  IntLit(SourceLoc loc, int64_t value)
      : Expr(Kind::IntLit, loc), value(value) {}
  int64_t value;
  static bool classof(const Expr *e) { return e->getKind() == Kind::IntLit; }
};

class FloatLit : public Expr {
public:
  FloatLit(SourceLoc loc, double value)
      : Expr(Kind::FloatLit, loc), value(value) {}
  double value;
  static bool classof(const Expr *e) { return e->getKind() == Kind::FloatLit; }
};

/// A string literal with escapes already decoded; adjacent literals are joined.
class StrLit : public Expr {
public:
  StrLit(SourceLoc loc, std::string value)
      : Expr(Kind::StrLit, loc), value(std::move(value)) {}
  std::string value;
  static bool classof(const Expr *e) { return e->getKind() == Kind::StrLit; }
};

/// An f-string: literal text and replacement fields, in order. `{x=}` is
/// the literal text "x=" then the field. Adjacent plain literals join in.
class FormattedString : public Expr {
public:
  struct Part {
    /// Literal text (escapes decoded), or empty for a field.
    std::string text;
    /// The field's expression; null for literal text.
    ExprPtr value;
    /// `!r` or `!s` (0 for none).
    char conversion = 0;
    /// The format spec after `:`, itself a FormattedString or a StrLit
    /// (nested fields: `{x:{w}.{p}f}`); null for none.
    ExprPtr spec;
  };
  FormattedString(SourceLoc loc, std::vector<Part> parts)
      : Expr(Kind::FormattedString, loc), parts(std::move(parts)) {}
  std::vector<Part> parts;
  static bool classof(const Expr *e) {
    return e->getKind() == Kind::FormattedString;
  }
};

class BoolLit : public Expr {
public:
  BoolLit(SourceLoc loc, bool value) : Expr(Kind::BoolLit, loc), value(value) {}
  bool value;
  static bool classof(const Expr *e) { return e->getKind() == Kind::BoolLit; }
};

class NoneLit : public Expr {
public:
  explicit NoneLit(SourceLoc loc) : Expr(Kind::NoneLit, loc) {}
  static bool classof(const Expr *e) { return e->getKind() == Kind::NoneLit; }
};

class Name : public Expr {
public:
  Name(SourceLoc loc, std::string id)
      : Expr(Kind::Name, loc), id(std::move(id)) {}
  std::string id;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Name; }
};

/// `value.attr`
class Attribute : public Expr {
public:
  Attribute(SourceLoc loc, ExprPtr value, std::string attr)
      : Expr(Kind::Attribute, loc), value(std::move(value)),
        attr(std::move(attr)) {}
  ExprPtr value;
  std::string attr;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Attribute; }
};

/// `lower:upper:step`, only inside a subscript; absent parts are null.
class Slice : public Expr {
public:
  Slice(SourceLoc loc, ExprPtr lower, ExprPtr upper, ExprPtr step)
      : Expr(Kind::Slice, loc), lower(std::move(lower)),
        upper(std::move(upper)), step(std::move(step)) {}
  ExprPtr lower, upper, step;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Slice; }
};

/// `value[index]`; `a[i, j]` has a Tuple index, `a[1:n]` a Slice.
class Subscript : public Expr {
public:
  Subscript(SourceLoc loc, ExprPtr value, ExprPtr index)
      : Expr(Kind::Subscript, loc), value(std::move(value)),
        index(std::move(index)) {}
  ExprPtr value;
  ExprPtr index;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Subscript; }
};

/// `name=value` in a call.
struct Keyword {
  SourceLoc loc;
  std::string name;
  ExprPtr value;
};

class Call : public Expr {
public:
  Call(SourceLoc loc, ExprPtr func, ExprList args,
       std::vector<Keyword> keywords)
      : Expr(Kind::Call, loc), func(std::move(func)), args(std::move(args)),
        keywords(std::move(keywords)) {}
  ExprPtr func;
  ExprList args;
  std::vector<Keyword> keywords;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Call; }
};

enum class BinOpKind {
  Add,
  Sub,
  Mul,
  Div,
  FloorDiv,
  Mod,
  Pow,
  MatMul,
  LShift,
  RShift,
  BitAnd,
  BitOr,
  BitXor
};

class BinOp : public Expr {
public:
  BinOp(SourceLoc loc, BinOpKind op, ExprPtr lhs, ExprPtr rhs)
      : Expr(Kind::BinOp, loc), op(op), lhs(std::move(lhs)),
        rhs(std::move(rhs)) {}
  BinOpKind op;
  ExprPtr lhs, rhs;
  static bool classof(const Expr *e) { return e->getKind() == Kind::BinOp; }
};

enum class UnaryOpKind { Neg, Pos, Not, Invert };

class UnaryOp : public Expr {
public:
  UnaryOp(SourceLoc loc, UnaryOpKind op, ExprPtr operand)
      : Expr(Kind::UnaryOp, loc), op(op), operand(std::move(operand)) {}
  UnaryOpKind op;
  ExprPtr operand;
  static bool classof(const Expr *e) { return e->getKind() == Kind::UnaryOp; }
};

enum class BoolOpKind { And, Or };

/// `a and b and c`: two or more operands, short-circuit.
class BoolOp : public Expr {
public:
  BoolOp(SourceLoc loc, BoolOpKind op, ExprList values)
      : Expr(Kind::BoolOp, loc), op(op), values(std::move(values)) {}
  BoolOpKind op;
  ExprList values;
  static bool classof(const Expr *e) { return e->getKind() == Kind::BoolOp; }
};

enum class CmpOpKind { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

/// `a < b <= c`: a chained comparison with ops.size() == comparators.size().
class Compare : public Expr {
public:
  Compare(SourceLoc loc, ExprPtr left, std::vector<CmpOpKind> ops,
          ExprList comparators)
      : Expr(Kind::Compare, loc), left(std::move(left)), ops(std::move(ops)),
        comparators(std::move(comparators)) {}
  ExprPtr left;
  std::vector<CmpOpKind> ops;
  ExprList comparators;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Compare; }
};

/// `body if test else orelse`
class IfExp : public Expr {
public:
  IfExp(SourceLoc loc, ExprPtr test, ExprPtr body, ExprPtr orelse)
      : Expr(Kind::IfExp, loc), test(std::move(test)), body(std::move(body)),
        orelse(std::move(orelse)) {}
  ExprPtr test, body, orelse;
  static bool classof(const Expr *e) { return e->getKind() == Kind::IfExp; }
};

class Tuple : public Expr {
public:
  Tuple(SourceLoc loc, ExprList elts)
      : Expr(Kind::Tuple, loc), elts(std::move(elts)) {}
  ExprList elts;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Tuple; }
};

class List : public Expr {
public:
  List(SourceLoc loc, ExprList elts)
      : Expr(Kind::List, loc), elts(std::move(elts)) {}
  ExprList elts;
  static bool classof(const Expr *e) { return e->getKind() == Kind::List; }
};

/// One `for target in iter if cond ...` clause of a comprehension.
struct Comprehension {
  ExprPtr target;
  ExprPtr iter;
  ExprList ifs;
};

/// `[elt for target in iter if cond for ...]`: the clauses nest left to
/// right, as Python's loops would.
class ListComp : public Expr {
public:
  ListComp(SourceLoc loc, ExprPtr elt, std::vector<Comprehension> generators)
      : Expr(Kind::ListComp, loc), elt(std::move(elt)),
        generators(std::move(generators)) {}
  ExprPtr elt;
  std::vector<Comprehension> generators;
  static bool classof(const Expr *e) { return e->getKind() == Kind::ListComp; }
};

/// A parameter of a function or a lambda.
struct Param {
  SourceLoc loc;
  std::string name;
  ExprPtr annotation;   // may be null
  ExprPtr defaultValue; // may be null
};

/// `lambda params: body`. nmc accepts it where a function is an argument
/// (sorted(key=...), list.sort(key=...)): it is typed and generated in
/// place for each element, reading the enclosing function's variables.
class Lambda : public Expr {
public:
  Lambda(SourceLoc loc, std::vector<Param> params, ExprPtr body)
      : Expr(Kind::Lambda, loc), params(std::move(params)),
        body(std::move(body)) {}
  std::vector<Param> params;
  ExprPtr body;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Lambda; }
};

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

class Stmt {
public:
  enum class Kind {
    Expr,
    Assign,
    AugAssign,
    If,
    For,
    While,
    Break,
    Continue,
    Return,
    Pass,
    Import,
    FunctionDef,
    Assert,
    Raise,
    Try,
  };

  Stmt(Kind kind, SourceLoc loc) : kind(kind), loc(loc) {}
  virtual ~Stmt() = default;

  Kind getKind() const { return kind; }
  SourceLoc getLoc() const { return loc; }

private:
  const Kind kind;
  SourceLoc loc;
};

using StmtPtr = std::unique_ptr<Stmt>;
using StmtList = std::vector<StmtPtr>;

/// An expression evaluated for its effect, such as a call.
class ExprStmt : public Stmt {
public:
  ExprStmt(SourceLoc loc, ExprPtr value)
      : Stmt(Kind::Expr, loc), value(std::move(value)) {}
  ExprPtr value;
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Expr; }
};

/// `t1 = t2 = value`; a target is a Name, Subscript, Attribute or Tuple of
/// those. `x: T = value` is an Assign with an annotation.
class Assign : public Stmt {
public:
  Assign(SourceLoc loc, ExprList targets, ExprPtr value, ExprPtr annotation)
      : Stmt(Kind::Assign, loc), targets(std::move(targets)),
        value(std::move(value)), annotation(std::move(annotation)) {}
  ExprList targets;
  ExprPtr value;
  ExprPtr annotation; // may be null
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Assign; }
};

/// `target op= value`
class AugAssign : public Stmt {
public:
  AugAssign(SourceLoc loc, ExprPtr target, BinOpKind op, ExprPtr value)
      : Stmt(Kind::AugAssign, loc), target(std::move(target)), op(op),
        value(std::move(value)) {}
  ExprPtr target;
  BinOpKind op;
  ExprPtr value;
  static bool classof(const Stmt *s) { return s->getKind() == Kind::AugAssign; }
};

/// `if test: body else: orelse`; `elif` is an If alone in orelse.
class If : public Stmt {
public:
  If(SourceLoc loc, ExprPtr test, StmtList body, StmtList orelse)
      : Stmt(Kind::If, loc), test(std::move(test)), body(std::move(body)),
        orelse(std::move(orelse)) {}
  ExprPtr test;
  StmtList body;
  StmtList orelse;
  static bool classof(const Stmt *s) { return s->getKind() == Kind::If; }
};

/// `for target in iter: body else: orelse`
class For : public Stmt {
public:
  For(SourceLoc loc, ExprPtr target, ExprPtr iter, StmtList body,
      StmtList orelse)
      : Stmt(Kind::For, loc), target(std::move(target)), iter(std::move(iter)),
        body(std::move(body)), orelse(std::move(orelse)) {}
  ExprPtr target;
  ExprPtr iter;
  StmtList body;
  StmtList orelse;
  static bool classof(const Stmt *s) { return s->getKind() == Kind::For; }
};

class While : public Stmt {
public:
  While(SourceLoc loc, ExprPtr test, StmtList body, StmtList orelse)
      : Stmt(Kind::While, loc), test(std::move(test)), body(std::move(body)),
        orelse(std::move(orelse)) {}
  ExprPtr test;
  StmtList body;
  StmtList orelse;
  static bool classof(const Stmt *s) { return s->getKind() == Kind::While; }
};

class Break : public Stmt {
public:
  explicit Break(SourceLoc loc) : Stmt(Kind::Break, loc) {}
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Break; }
};

class Continue : public Stmt {
public:
  explicit Continue(SourceLoc loc) : Stmt(Kind::Continue, loc) {}
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Continue; }
};

class Return : public Stmt {
public:
  Return(SourceLoc loc, ExprPtr value)
      : Stmt(Kind::Return, loc), value(std::move(value)) {}
  ExprPtr value; // may be null
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Return; }
};

class Pass : public Stmt {
public:
  explicit Pass(SourceLoc loc) : Stmt(Kind::Pass, loc) {}
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Pass; }
};

/// One imported name: `import numpy as np` gives {module "numpy", name "",
/// asName "np"}; `from numba import njit` gives {module "numba", name
/// "njit", asName "njit"}.
struct ImportAlias {
  SourceLoc loc;
  std::string module;
  std::string name;
  std::string asName;
};

/// `import a.b as c, d` or `from m import x as y, z`.
class Import : public Stmt {
public:
  Import(SourceLoc loc, std::vector<ImportAlias> names)
      : Stmt(Kind::Import, loc), names(std::move(names)) {}
  std::vector<ImportAlias> names;
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Import; }
};

/// `@decorators def name(params) -> returns: body`. Decorators are kept as
/// expressions (`njit`, `numba.njit`, `njit(cache=True)`).
class FunctionDef : public Stmt {
public:
  FunctionDef(SourceLoc loc, std::string name, std::vector<Param> params,
              ExprPtr returns, ExprList decorators, StmtList body)
      : Stmt(Kind::FunctionDef, loc), name(std::move(name)),
        params(std::move(params)), returns(std::move(returns)),
        decorators(std::move(decorators)), body(std::move(body)) {}
  std::string name;
  std::vector<Param> params;
  ExprPtr returns; // may be null
  ExprList decorators;
  StmtList body;
  static bool classof(const Stmt *s) {
    return s->getKind() == Kind::FunctionDef;
  }
};

class Assert : public Stmt {
public:
  Assert(SourceLoc loc, ExprPtr test, ExprPtr msg)
      : Stmt(Kind::Assert, loc), test(std::move(test)), msg(std::move(msg)) {}
  ExprPtr test;
  ExprPtr msg; // may be null
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Assert; }
};

/// `raise exc`, where exc is an exception class or a call of one:
/// `raise ValueError`, `raise ValueError("message")`, `raise SystemExit(3)`.
class Raise : public Stmt {
public:
  Raise(SourceLoc loc, ExprPtr exc)
      : Stmt(Kind::Raise, loc), exc(std::move(exc)) {}
  ExprPtr exc;
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Raise; }
};

/// One `except` clause: the exception class expression (null for a bare
/// `except:`) and its body.
struct ExceptHandler {
  SourceLoc loc;
  ExprPtr type;
  /// The name of `except E as name`, or empty.
  std::string name;
  StmtList body;
};

/// `try:` with its `except` clauses, `else` and `finally`.
class Try : public Stmt {
public:
  Try(SourceLoc loc, StmtList body, std::vector<ExceptHandler> handlers,
      StmtList orelse, StmtList finalbody)
      : Stmt(Kind::Try, loc), body(std::move(body)),
        handlers(std::move(handlers)), orelse(std::move(orelse)),
        finalbody(std::move(finalbody)) {}
  StmtList body;
  std::vector<ExceptHandler> handlers;
  StmtList orelse;
  StmtList finalbody;
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Try; }
};

/// A whole source file.
struct Module {
  std::string filename;
  StmtList body;
};

//===----------------------------------------------------------------------===//
// Printing (`nmc --emit=ast`)
//===----------------------------------------------------------------------===//

const char *spell(BinOpKind op);
const char *spell(UnaryOpKind op);
const char *spell(BoolOpKind op);
const char *spell(CmpOpKind op);

/// Prints the tree, one node a line, indented, with `@line:col`.
void dump(const Module &module, llvm::raw_ostream &os);

/// Prints an expression as Python source (used in diagnostics and dumps).
std::string toSource(const Expr &expr);

} // namespace nmc::ast

#endif // NMC_AST_AST_H
