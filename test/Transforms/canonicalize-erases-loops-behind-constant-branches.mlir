// nmc-canonicalize terminates where MLIR 22's canonicalize never does (a
// loop that becomes unreachable while the greedy driver runs: llvm-project
// PR 221152), and gives the same canonical form.
// RUN: %nm-opt --nmc-canonicalize %s | FileCheck %s
// RUN: %nm-opt --nmc-canonicalize --nmc-canonicalize %s | FileCheck %s

// CHECK-LABEL: func.func @skipped_loop
// CHECK-NEXT:    return
// CHECK-NEXT:  }
func.func @skipped_loop(%cond: i1, %init: i32) {
  %true = arith.constant true
  %c1 = arith.constant 1 : i32
  cf.cond_br %true, ^exit, ^header(%init : i32)
^header(%iv: i32):
  cf.cond_br %cond, ^exit, ^latch
^latch:
  %next = arith.addi %iv, %c1 : i32
  cf.br ^header(%next : i32)
^exit:
  return
}

// The condition becomes constant only once the value flowing into the
// join is folded; the loop behind the false side is erased.
// CHECK-LABEL: func.func @constant_after_folding
// CHECK-NEXT:    %[[TWO:.*]] = arith.constant 2 : i64
// CHECK-NEXT:    return %[[TWO]] : i64
// CHECK-NEXT:  }
func.func @constant_after_folding(%p: i1) -> i64 {
  %c2 = arith.constant 2 : i64
  %c1 = arith.constant 1 : i64
  cf.cond_br %p, ^a, ^b
^a:
  %and = arith.andi %c2, %c2 : i64
  cf.br ^join(%and : i64)
^b:
  cf.br ^join(%c2 : i64)
^join(%v: i64):
  %small = arith.cmpi slt, %v, %c1 : i64
  cf.cond_br %small, ^loop(%v : i64), ^exit
^loop(%i: i64):
  %next = arith.addi %i, %c1 : i64
  %more = arith.cmpi slt, %next, %c2 : i64
  cf.cond_br %more, ^loop(%next : i64), ^exit
^exit:
  return %v : i64
}

// A condition that is not known stays.
// CHECK-LABEL: func.func @unknown
// CHECK:         cf.cond_br %arg0
func.func @unknown(%c: i1, %x: i64) -> i64 {
  %c1 = arith.constant 1 : i64
  cf.cond_br %c, ^a, ^b
^a:
  return %x : i64
^b:
  return %c1 : i64
}
