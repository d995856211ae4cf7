//===- Passes.td - nmc's transformation passes -------------*- tablegen -*-===//

#ifndef NMC_TRANSFORMS_PASSES
#define NMC_TRANSFORMS_PASSES

include "mlir/Pass/PassBase.td"

def Canonicalize : Pass<"nmc-canonicalize"> {
  let summary = "The canonicalizer, made to terminate on loops that become "
                "unreachable";
  let description = [{
    MLIR 22's greedy rewrite driver never terminates when a loop becomes
    unreachable while it runs: the loop header, left with the latch as its
    only predecessor, is merged into it, and the ops that read the header's
    arguments then read their own results (llvm-project PRs 221037 and
    221152). A program whose `if` condition folds to a constant, with a loop
    in the branch not taken, hung nmc.

    This pass runs every canonicalization pattern and folder the upstream
    `canonicalize` pass runs, except the `cf` patterns that resolve a
    branch whose condition is known (`cf.cond_br` on a constant or on the
    condition its predecessor branched on; nmc emits no `cf.switch` before
    this pass runs), so no loop becomes unreachable while the driver runs.
    Between driver runs it does that part itself: every `cf.cond_br` on a
    constant becomes a `cf.br` to the successor it takes, then the
    unreachable blocks are erased. It repeats until no branch changes.

    ```mlir
    %true = arith.constant true
    cf.cond_br %true, ^exit, ^header(%init : i64)
    ```
    becomes `cf.br ^exit`, and the loop at `^header` is erased before the
    driver runs again.
  }];
  let dependentDialects = ["mlir::cf::ControlFlowDialect"];
}

#endif // NMC_TRANSFORMS_PASSES
