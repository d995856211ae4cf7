// --convert-nm-to-mpi turns nm.scan into one nmrt_scan_* call (bools cross as
// i8) that takes the operator as its NMRT_OP_* code (sum 0 ... lor 5).
// RUN: %nm-opt %s --convert-nm-to-mpi | FileCheck %s

// CHECK-DAG: func.func private @nmrt_scan_i64(i64, i64) -> i64
// CHECK-DAG: func.func private @nmrt_scan_f64(f64, i64) -> f64
// CHECK-DAG: func.func private @nmrt_scan_bool(i8, i64) -> i8
// CHECK-LABEL: func.func @scan
// CHECK-SAME: (%[[I:.*]]: i64, %[[X:.*]]: f64, %[[B:.*]]: i1)
// CHECK: %[[SUM:.*]] = arith.constant 0 : i64
// CHECK-NEXT: %[[S:.*]] = call @nmrt_scan_i64(%[[I]], %[[SUM]]) : (i64, i64) -> i64
// CHECK-NEXT: %[[MAX:.*]] = arith.constant 2 : i64
// CHECK-NEXT: %[[M:.*]] = call @nmrt_scan_f64(%[[X]], %[[MAX]]) : (f64, i64) -> f64
// CHECK-NEXT: %[[LOR:.*]] = arith.constant 5 : i64
// CHECK-NEXT: %[[B8:.*]] = arith.extui %[[B]] : i1 to i8
// CHECK-NEXT: %[[R8:.*]] = call @nmrt_scan_bool(%[[B8]], %[[LOR]]) : (i8, i64) -> i8
// CHECK-NEXT: %[[R:.*]] = arith.trunci %[[R8]] : i8 to i1
// CHECK-NEXT: return %[[S]], %[[M]], %[[R]]
// CHECK-NOT: nm.scan
func.func @scan(%i: i64, %x: f64, %b: i1) -> (i64, f64, i1) {
  %c = nm.comm_world
  %s = nm.scan <sum> %i on %c : i64
  %m = nm.scan <max> %x on %c : f64
  %r = nm.scan <lor> %b on %c : i1
  return %s, %m, %r : i64, f64, i1
}
