// --convert-nm-to-mpi turns nm.allgather into one nmrt_allgather_* call per
// element type (bools cross as i8) that returns the list on every rank.
// RUN: %nm-opt %s --convert-nm-to-mpi | FileCheck %s

// CHECK-DAG: func.func private @nmrt_allgather_f64(f64) -> !llvm.ptr
// CHECK-DAG: func.func private @nmrt_allgather_bool(i8) -> !llvm.ptr
// CHECK-LABEL: func.func @allgather
// CHECK-SAME: (%[[X:.*]]: f64, %[[B:.*]]: i1)
// CHECK: %[[PF:.*]] = call @nmrt_allgather_f64(%[[X]]) : (f64) -> !llvm.ptr
// CHECK-NEXT: %[[B8:.*]] = arith.extui %[[B]] : i1 to i8
// CHECK-NEXT: %[[PB:.*]] = call @nmrt_allgather_bool(%[[B8]]) : (i8) -> !llvm.ptr
// CHECK-NEXT: return %[[PF]], %[[PB]] : !llvm.ptr, !llvm.ptr
// CHECK-NOT: nm.allgather
func.func @allgather(%x: f64, %b: i1) -> (!nm.list<f64>, !nm.list<i1>) {
  %c = nm.comm_world
  %gf = nm.allgather %x on %c : f64 -> !nm.list<f64>
  %gb = nm.allgather %b on %c : i1 -> !nm.list<i1>
  return %gf, %gb : !nm.list<f64>, !nm.list<i1>
}
