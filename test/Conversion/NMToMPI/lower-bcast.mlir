// --convert-nm-to-mpi turns nm.bcast into one nmrt_bcast_* call (the mpi
// dialect has no broadcast); a bool crosses as i8 and comes back truncated.
// RUN: %nm-opt %s --convert-nm-to-mpi | FileCheck %s

// CHECK-DAG: func.func private @nmrt_bcast_f64(f64, i64) -> f64
// CHECK-DAG: func.func private @nmrt_bcast_bool(i8, i64) -> i8
// CHECK-LABEL: func.func @bcast
// CHECK-SAME: (%[[X:.*]]: f64, %[[B:.*]]: i1, %[[ROOT:.*]]: i64)
// CHECK: %[[VF:.*]] = call @nmrt_bcast_f64(%[[X]], %[[ROOT]]) : (f64, i64) -> f64
// CHECK-NEXT: %[[B8:.*]] = arith.extui %[[B]] : i1 to i8
// CHECK-NEXT: %[[V8:.*]] = call @nmrt_bcast_bool(%[[B8]], %[[ROOT]]) : (i8, i64) -> i8
// CHECK-NEXT: %[[VB:.*]] = arith.trunci %[[V8]] : i8 to i1
// CHECK-NEXT: return %[[VF]], %[[VB]]
// CHECK-NOT: nm.bcast
func.func @bcast(%x: f64, %b: i1, %root: i64) -> (f64, i1) {
  %c = nm.comm_world
  %vf = nm.bcast %x from %root on %c : f64
  %vb = nm.bcast %b from %root on %c : i1
  return %vf, %vb : f64, i1
}
