//===- Canonicalize.cpp - The canonicalizer, made to terminate ------------===//
//
// Upstream's canonicalizer minus the cf patterns that make blocks
// unreachable while the greedy driver runs, which MLIR 22's driver does not
// survive; this pass resolves those branches itself between driver runs
// (see the pass description in Passes.td).
//
//===----------------------------------------------------------------------===//

#include "nmc/Transforms/Passes.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Rewrite/FrozenRewritePatternSet.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/RegionUtils.h"

namespace nmc {
#define GEN_PASS_DEF_CANONICALIZE
#include "nmc/Transforms/Passes.h.inc"
} // namespace nmc

using namespace mlir;

namespace {

/// The cf.cond_br patterns that turn it into a cf.br whose other successor
/// may have been a loop (by class name, the last component of their debug
/// names). nmc emits no cf.switch before the canonicalizers this pass
/// replaces.
constexpr StringRef kBranchResolvingPatterns[] = {
    "SimplifyConstCondBranchPred",
    "SimplifyCondBranchFromCondBranchOnSameCondition"};

/// Makes every cf.cond_br on a constant a cf.br, then erases the blocks
/// nothing reaches. Returns whether any branch changed.
bool foldConstantBranches(Operation *root) {
  IRRewriter rewriter(root->getContext());
  SmallVector<cf::CondBranchOp> branches;
  root->walk([&](cf::CondBranchOp op) { branches.push_back(op); });
  bool changed = false;
  for (cf::CondBranchOp op : branches) {
    BoolAttr condition;
    if (!matchPattern(op.getCondition(), m_Constant(&condition)))
      continue;
    rewriter.setInsertionPoint(op);
    bool taken = condition.getValue();
    rewriter.replaceOpWithNewOp<cf::BranchOp>(
        op, taken ? op.getTrueDest() : op.getFalseDest(),
        taken ? op.getTrueDestOperands() : op.getFalseDestOperands());
    changed = true;
  }
  // eraseUnreachableBlocks visits nested regions itself.
  if (changed)
    (void)eraseUnreachableBlocks(rewriter, root->getRegions());
  return changed;
}

struct CanonicalizePass : nmc::impl::CanonicalizeBase<CanonicalizePass> {
  LogicalResult initialize(MLIRContext *context) override {
    // The same patterns as upstream's canonicalizer.
    RewritePatternSet owningPatterns(context);
    for (Dialect *dialect : context->getLoadedDialects())
      dialect->getCanonicalizationPatterns(owningPatterns);
    for (RegisteredOperationName op : context->getRegisteredOperations())
      op.getCanonicalizationPatterns(owningPatterns, context);

    SmallVector<std::string> disabled;
    for (const auto &pattern : owningPatterns.getNativePatterns()) {
      StringRef name = pattern->getDebugName();
      for (StringRef resolving : kBranchResolvingPatterns)
        if (name == resolving || name.ends_with("::" + resolving.str()))
          disabled.push_back(name.str());
    }
    // A newer MLIR may rename them; then this pass no longer protects.
    if (disabled.size() < std::size(kBranchResolvingPatterns))
      return emitError(UnknownLoc::get(context))
             << "nmc-canonicalize: the cf patterns it must disable were not "
                "all found; MLIR's names for them changed";
    patterns = std::make_shared<FrozenRewritePatternSet>(
        std::move(owningPatterns), disabled);
    return success();
  }

  void runOnOperation() override {
    // Upstream's canonicalizer defaults: top-down, normal region
    // simplification, at most 10 iterations.
    GreedyRewriteConfig config;
    config.setUseTopDownTraversal(true);
    config.setRegionSimplificationLevel(GreedySimplifyRegionLevel::Normal);
    // Each round resolves at least one branch; a function has finitely many.
    do {
      (void)applyPatternsGreedily(getOperation(), *patterns, config);
    } while (foldConstantBranches(getOperation()));
  }

  std::shared_ptr<const FrozenRewritePatternSet> patterns;
};

} // namespace
