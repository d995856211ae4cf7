//===- TypedDump.cpp - Printing the typed program (--emit=typed) ----------===//

#include "nmc/Sema/TypeInference.h"

using namespace nmc;
using namespace nmc::ast;
using namespace nmc::sema;
using llvm::dyn_cast;

namespace {
/// Prints the types an instance gives its expressions, in source order.
class TypedDumper {
public:
  TypedDumper(const FunctionInstance &instance, llvm::raw_ostream &os)
      : instance(instance), os(os) {}

  void dumpBody(const StmtList &body, int depth) {
    for (const StmtPtr &stmt : body)
      dumpStmt(*stmt, depth);
  }

private:
  /// One line per typed expression: `source : type @line:col`.
  void dumpExpr(const Expr &expr, int depth) {
    auto it = instance.exprTypes.find(&expr);
    if (it == instance.exprTypes.end())
      return;
    os.indent(2 * depth) << toSource(expr) << " : " << it->second.str() << " @"
                         << expr.getLoc().line << ":" << expr.getLoc().col
                         << "\n";
  }

  void dumpStmt(const Stmt &stmt, int depth) {
    if (auto *e = dyn_cast<ExprStmt>(&stmt))
      return dumpExpr(*e->value, depth);
    if (auto *a = dyn_cast<Assign>(&stmt)) {
      for (const ExprPtr &t : a->targets)
        dumpExpr(*t, depth);
      return dumpExpr(*a->value, depth);
    }
    if (auto *a = dyn_cast<AugAssign>(&stmt)) {
      dumpExpr(*a->target, depth);
      return dumpExpr(*a->value, depth);
    }
    if (auto *r = dyn_cast<Return>(&stmt)) {
      if (r->value)
        dumpExpr(*r->value, depth);
      return;
    }
    if (auto *a = dyn_cast<Assert>(&stmt))
      return dumpExpr(*a->test, depth);
    if (auto *r = dyn_cast<Raise>(&stmt))
      return dumpExpr(*r->exc, depth);
    if (auto *i = dyn_cast<If>(&stmt)) {
      dumpExpr(*i->test, depth);
      dumpBody(i->body, depth + 1);
      return dumpBody(i->orelse, depth + 1);
    }
    if (auto *f = dyn_cast<For>(&stmt)) {
      dumpExpr(*f->target, depth);
      dumpExpr(*f->iter, depth);
      dumpBody(f->body, depth + 1);
      return dumpBody(f->orelse, depth + 1);
    }
    if (auto *w = dyn_cast<While>(&stmt)) {
      dumpExpr(*w->test, depth);
      dumpBody(w->body, depth + 1);
      return dumpBody(w->orelse, depth + 1);
    }
  }

  const FunctionInstance &instance;
  llvm::raw_ostream &os;
};
} // namespace

void sema::dump(const Program &program, llvm::raw_ostream &os) {
  for (const auto &instance : program.instances) {
    os << "instance " << instance->symbol << " : " << instance->signature()
       << (instance->fastmath ? " fastmath" : "") << "\n";
    for (const std::string &name : instance->localNames)
      os << "  var " << name << " : " << instance->locals.lookup(name).str()
         << "\n";
    const StmtList &body =
        instance->isModuleBody() ? program.module->body : instance->def->body;
    TypedDumper(*instance, os).dumpBody(body, 1);
  }
}
