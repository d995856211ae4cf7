// --convert-nm-to-mpi turns gather, list ops and wtime into nmrt_* runtime calls (bools as i8) that carry the op's source line; its type converter makes every list a !llvm.ptr, in signatures and returns too, with no casts left.
// RUN: %nm-opt %s -split-input-file --convert-nm-to-mpi | FileCheck %s

// The runtime's prototypes, declared once each (runtime/include/nmrt_functions.def).
// CHECK-DAG: func.func private @nmrt_gather_f64(f64, i64) -> !llvm.ptr
// CHECK-DAG: func.func private @nmrt_gather_i64(i64, i64) -> !llvm.ptr
// CHECK-DAG: func.func private @nmrt_gather_bool(i8, i64) -> !llvm.ptr
// CHECK-NOT: func.func private @nmrt_gather
// CHECK-LABEL: func.func @gather
// CHECK-SAME: (%[[X:.*]]: f64, %[[I:.*]]: i64, %[[B:.*]]: i1, %[[ROOT:.*]]: i64)
// CHECK-SAME: -> (!llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr)
// CHECK: %[[GF:.*]] = call @nmrt_gather_f64(%[[X]], %[[ROOT]]) : (f64, i64) -> !llvm.ptr
// CHECK-NEXT: %[[GI:.*]] = call @nmrt_gather_i64(%[[I]], %[[ROOT]]) : (i64, i64) -> !llvm.ptr
// CHECK-NEXT: %[[B8:.*]] = arith.extui %[[B]] : i1 to i8
// CHECK-NEXT: %[[GB:.*]] = call @nmrt_gather_bool(%[[B8]], %[[ROOT]]) : (i8, i64) -> !llvm.ptr
// CHECK-NEXT: %[[GF2:.*]] = call @nmrt_gather_f64(
// CHECK: return %[[GF]], %[[GI]], %[[GB]], %[[GF2]] : !llvm.ptr, !llvm.ptr, !llvm.ptr, !llvm.ptr
// CHECK-NOT: nm.gather
// CHECK-NOT: unrealized_conversion_cast
func.func @gather(%x: f64, %i: i64, %b: i1, %root: i64)
    -> (!nm.list<f64>, !nm.list<i64>, !nm.list<i1>, !nm.list<f64>) {
  %c = nm.comm_world
  %gf = nm.gather %x to %root on %c : f64 -> !nm.list<f64>
  %gi = nm.gather %i to %root on %c : i64 -> !nm.list<i64>
  %gb = nm.gather %b to %root on %c : i1 -> !nm.list<i1>
  %gf2 = nm.gather %x to %root on %c : f64 -> !nm.list<f64>
  return %gf, %gi, %gb, %gf2 : !nm.list<f64>, !nm.list<i64>, !nm.list<i1>, !nm.list<f64>
}

// -----

// A list literal: nmrt_list_new(kind, length) with NMRT_ELEM_F64 = 1 and
// NMRT_ELEM_BOOL = 2, then one setter call per element, each given the
// literal's line.
// CHECK-DAG: func.func private @nmrt_list_new(i64, i64) -> !llvm.ptr
// CHECK-DAG: func.func private @nmrt_list_set_f64(!llvm.ptr, i64, f64, i64)
// CHECK-DAG: func.func private @nmrt_list_set_i64(!llvm.ptr, i64, i64, i64)
// CHECK-DAG: func.func private @nmrt_list_set_bool(!llvm.ptr, i64, i8, i64)
// CHECK-LABEL: func.func @list_literals
// CHECK-SAME: (%[[X:.*]]: f64, %[[Y:.*]]: f64, %[[I:.*]]: i64, %[[B:.*]]: i1)
// CHECK-DAG: %[[KF:.*]] = arith.constant 1 : i64
// CHECK-DAG: %[[NF:.*]] = arith.constant 2 : i64
// CHECK: %[[LF:.*]] = call @nmrt_list_new(%[[KF]], %[[NF]]) : (i64, i64) -> !llvm.ptr
// CHECK-DAG: %[[E0:.*]] = arith.constant 0 : i64
// CHECK-DAG: %[[L7:.*]] = arith.constant 7 : i64
// CHECK: call @nmrt_list_set_f64(%[[LF]], %[[E0]], %[[X]], %[[L7]]) : (!llvm.ptr, i64, f64, i64) -> ()
// CHECK-DAG: %[[E1:.*]] = arith.constant 1 : i64
// CHECK-DAG: %[[L7B:.*]] = arith.constant 7 : i64
// CHECK: call @nmrt_list_set_f64(%[[LF]], %[[E1]], %[[Y]], %[[L7B]])
// CHECK-DAG: %[[KI:.*]] = arith.constant 0 : i64
// CHECK-DAG: %[[NI:.*]] = arith.constant 1 : i64
// CHECK: %[[LI:.*]] = call @nmrt_list_new(%[[KI]], %[[NI]])
// CHECK: %[[L8:.*]] = arith.constant 8 : i64
// CHECK-NEXT: call @nmrt_list_set_i64(%[[LI]], %{{.*}}, %[[I]], %[[L8]]) : (!llvm.ptr, i64, i64, i64) -> ()
// CHECK-DAG: %[[KB:.*]] = arith.constant 2 : i64
// CHECK-DAG: %[[NB:.*]] = arith.constant 1 : i64
// CHECK: %[[LB:.*]] = call @nmrt_list_new(%[[KB]], %[[NB]])
// CHECK: %[[B8:.*]] = arith.extui %[[B]] : i1 to i8
// CHECK-NEXT: %[[L9:.*]] = arith.constant 9 : i64
// CHECK-NEXT: call @nmrt_list_set_bool(%[[LB]], %{{.*}}, %[[B8]], %[[L9]]) : (!llvm.ptr, i64, i8, i64) -> ()
// CHECK-NEXT: return %[[LF]], %[[LI]], %[[LB]] : !llvm.ptr, !llvm.ptr, !llvm.ptr
// CHECK-NOT: nm.list_from_elements
func.func @list_literals(%x: f64, %y: f64, %i: i64, %b: i1)
    -> (!nm.list<f64>, !nm.list<i64>, !nm.list<i1>) {
  %lf = nm.list_from_elements %x, %y : f64, f64 -> !nm.list<f64> loc("f.npy":7:5)
  %li = nm.list_from_elements %i : i64 -> !nm.list<i64> loc("f.npy":8:5)
  %lb = nm.list_from_elements %b : i1 -> !nm.list<i1> loc("f.npy":9:5)
  return %lf, %li, %lb : !nm.list<f64>, !nm.list<i64>, !nm.list<i1>
}

// -----

// print, len() and `for` (iter) and indexing: the list is a pointer, len/get pass the op's source line for Python's error messages, and len its use (0 len, 1 iter), which picks the TypeError for None.
// CHECK-DAG: func.func private @nmrt_print_list(!llvm.ptr)
// CHECK-DAG: func.func private @nmrt_list_len(!llvm.ptr, i64, i64) -> i64
// CHECK-DAG: func.func private @nmrt_list_get_f64(!llvm.ptr, i64, i64) -> f64
// CHECK-DAG: func.func private @nmrt_list_get_i64(!llvm.ptr, i64, i64) -> i64
// CHECK-DAG: func.func private @nmrt_list_get_bool(!llvm.ptr, i64, i64) -> i8
// CHECK-DAG: func.func private @nmrt_wtime() -> f64
// CHECK-LABEL: func.func @list_uses
// CHECK-SAME: (%[[LF:.*]]: !llvm.ptr, %[[LI:.*]]: !llvm.ptr, %[[LB:.*]]: !llvm.ptr, %[[I:.*]]: i64)
// CHECK: call @nmrt_print_list(%[[LF]]) : (!llvm.ptr) -> ()
// CHECK-NEXT: %[[U0:.*]] = arith.constant 0 : i64
// CHECK-NEXT: %[[L10:.*]] = arith.constant 10 : i64
// CHECK-NEXT: %[[N:.*]] = call @nmrt_list_len(%[[LI]], %[[U0]], %[[L10]]) : (!llvm.ptr, i64, i64) -> i64
// CHECK-NEXT: %[[U1:.*]] = arith.constant 1 : i64
// CHECK-NEXT: %[[L11:.*]] = arith.constant 11 : i64
// CHECK-NEXT: %[[M:.*]] = call @nmrt_list_len(%[[LI]], %[[U1]], %[[L11]]) : (!llvm.ptr, i64, i64) -> i64
// CHECK-NEXT: %[[L12:.*]] = arith.constant 12 : i64
// CHECK-NEXT: %[[V:.*]] = call @nmrt_list_get_f64(%[[LF]], %[[I]], %[[L12]]) : (!llvm.ptr, i64, i64) -> f64
// CHECK-NEXT: %[[L13:.*]] = arith.constant 13 : i64
// CHECK-NEXT: %[[W:.*]] = call @nmrt_list_get_i64(%[[LI]], %[[I]], %[[L13]]) : (!llvm.ptr, i64, i64) -> i64
// CHECK-NEXT: %[[L14:.*]] = arith.constant 14 : i64
// CHECK-NEXT: %[[Z8:.*]] = call @nmrt_list_get_bool(%[[LB]], %[[I]], %[[L14]]) : (!llvm.ptr, i64, i64) -> i8
// CHECK-NEXT: %[[Z:.*]] = arith.trunci %[[Z8]] : i8 to i1
// A fused location gives its first file:line; no location gives line 0.
// CHECK-NEXT: %[[L15:.*]] = arith.constant 15 : i64
// CHECK-NEXT: call @nmrt_list_get_i64(%[[LI]], %[[I]], %[[L15]])
// CHECK-NEXT: %[[L0:.*]] = arith.constant 0 : i64
// CHECK-NEXT: call @nmrt_list_get_i64(%[[LI]], %[[I]], %[[L0]])
// CHECK-NEXT: %[[T:.*]] = call @nmrt_wtime() : () -> f64
// CHECK-NEXT: return %[[N]], %[[M]], %[[V]], %[[W]], %[[Z]], %[[T]]
// CHECK-NOT: nm.list
// CHECK-NOT: nm.wtime
// CHECK-NOT: unrealized_conversion_cast
func.func @list_uses(%lf: !nm.list<f64>, %li: !nm.list<i64>, %lb: !nm.list<i1>, %i: i64)
    -> (i64, i64, f64, i64, i1, f64) {
  nm.print %lf : !nm.list<f64>
  %n = nm.list_len %li : !nm.list<i64> loc("f.npy":10:3)
  %m = nm.list_len %li for <iter> : !nm.list<i64> loc("f.npy":11:3)
  %v = nm.list_get %lf[%i] : !nm.list<f64> loc("f.npy":12:3)
  %w = nm.list_get %li[%i] : !nm.list<i64> loc("f.npy":13:3)
  %z = nm.list_get %lb[%i] : !nm.list<i1> loc("f.npy":14:3)
  %f = nm.list_get %li[%i] : !nm.list<i64> loc(fused["f.npy":15:9, "g.npy":99:1])
  %u = nm.list_get %li[%i] : !nm.list<i64> loc(unknown)
  %t = nm.wtime
  return %n, %m, %v, %w, %z, %t : i64, i64, f64, i64, i1, f64
}
