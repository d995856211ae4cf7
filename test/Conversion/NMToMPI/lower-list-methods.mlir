// --convert-nm-to-mpi turns each list op into the runtime function for its
// element type (f64, i64, bool as i8, str), called with the op's operands,
// its flags as i64 constants (a search's kind and Numba's message, extend's
// iadd, copy's method) and the op's source line; list_unpack checks the
// length once, then reads each element.
// RUN: %nm-opt %s --convert-nm-to-mpi | FileCheck %s

// CHECK-LABEL: func.func @element_ops
// CHECK-SAME: (%[[L:.*]]: !llvm.ptr, %[[B:.*]]: !llvm.ptr, %[[I:.*]]: i64, %[[X:.*]]: f64, %[[F:.*]]: i1)
// CHECK: call @nmrt_list_insert_f64(%[[L]], %[[I]], %[[X]], %[[LINE:.*]]) : (!llvm.ptr, i64, f64, i64) -> ()
// CHECK: %[[P:.*]] = call @nmrt_list_pop_bool(%[[B]], %[[I]], %{{.*}}) : (!llvm.ptr, i64, i64) -> i8
// CHECK-NEXT: arith.trunci %[[P]] : i8 to i1
// CHECK: %[[F8:.*]] = arith.extui %[[F]] : i1 to i8
// CHECK: %[[INDEX:.*]] = arith.constant 1 : i64
// CHECK-NEXT: %[[NUMBA:.*]] = arith.constant 1 : i64
// CHECK: call @nmrt_list_search_bool(%[[B]], %[[F8]], %[[INDEX]], %[[NUMBA]], %{{.*}}) : (!llvm.ptr, i8, i64, i64, i64) -> i64
// CHECK: %[[COUNT:.*]] = arith.constant 2 : i64
// CHECK-NEXT: %[[CPY:.*]] = arith.constant 0 : i64
// CHECK: call @nmrt_list_search_f64(%[[L]], %[[X]], %[[COUNT]], %[[CPY]], %{{.*}})
// CHECK-NOT: nm.list
func.func @element_ops(%l: !nm.list<f64>, %b: !nm.list<i1>, %i: i64, %x: f64, %f: i1) -> (i1, i64, i64) {
  nm.list_insert %l[%i], %x : !nm.list<f64>
  %p = nm.list_pop %b[%i] : !nm.list<i1>
  %n = nm.list_search <index> %b, %f numba : !nm.list<i1>
  %k = nm.list_search <count> %l, %x : !nm.list<f64>
  return %p, %n, %k : i1, i64, i64
}

// CHECK-LABEL: func.func @whole_list_ops
// CHECK: %[[IADD:.*]] = arith.constant 1 : i64
// CHECK: call @nmrt_list_extend(%[[L:.*]], %[[L]], %[[IADD]], %{{.*}}) : (!llvm.ptr, !llvm.ptr, i64, i64) -> ()
// CHECK: call @nmrt_list_concat(%[[L]], %[[L]], %{{.*}}) : (!llvm.ptr, !llvm.ptr, i64) -> !llvm.ptr
// CHECK: %[[METHOD:.*]] = arith.constant 1 : i64
// CHECK: call @nmrt_list_copy(%[[L]], %[[METHOD]], %{{.*}}) : (!llvm.ptr, i64, i64) -> !llvm.ptr
// CHECK: call @nmrt_list_reverse(%[[L]], %{{.*}}) : (!llvm.ptr, i64) -> ()
// CHECK: call @nmrt_list_range(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (i64, i64, i64, i64) -> !llvm.ptr
func.func @whole_list_ops(%l: !nm.list<!nm.str>, %i: i64) -> (!nm.list<!nm.str>, !nm.list<!nm.str>, !nm.list<i64>) {
  nm.list_extend %l, %l iadd : !nm.list<!nm.str>
  %c = nm.list_concat %l, %l : !nm.list<!nm.str>
  %d = nm.list_copy %l method : !nm.list<!nm.str>
  nm.list_reverse %l : !nm.list<!nm.str>
  %r = nm.list_range %i, %i, %i : !nm.list<i64>
  return %c, %d, %r : !nm.list<!nm.str>, !nm.list<!nm.str>, !nm.list<i64>
}

// CHECK-LABEL: func.func @unpack
// CHECK: %[[TWO:.*]] = arith.constant 2 : i64
// CHECK-NEXT: %[[PY:.*]] = arith.constant 0 : i64
// CHECK: call @nmrt_list_unpack_check(%[[L:.*]], %[[TWO]], %[[PY]], %{{.*}}) : (!llvm.ptr, i64, i64, i64) -> ()
// CHECK: call @nmrt_list_get_i64(%[[L]], %{{.*}}, %{{.*}})
// CHECK: call @nmrt_list_get_i64(%[[L]], %{{.*}}, %{{.*}})
// CHECK-NOT: nmrt_list_get
func.func @unpack(%l: !nm.list<i64>) -> (i64, i64) {
  %a, %b = nm.list_unpack %l : !nm.list<i64> -> i64, i64
  return %a, %b : i64, i64
}

// Slices pass their clamped start, length and step; sort passes a null
// keys list when it sorts by the elements, and reverse as a bool (i8).
// CHECK-LABEL: func.func @slices_and_sort
// CHECK-SAME: (%[[L:.*]]: !llvm.ptr, %[[K:.*]]: !llvm.ptr, %[[I:.*]]: i64, %[[R:.*]]: i1)
// CHECK: call @nmrt_list_slice(%[[L]], %[[I]], %[[I]], %[[I]], %{{.*}}) : (!llvm.ptr, i64, i64, i64, i64) -> !llvm.ptr
// CHECK: call @nmrt_list_set_slice(%[[L]], %[[I]], %[[I]], %[[I]], %[[L]], %{{.*}}) : (!llvm.ptr, i64, i64, i64, !llvm.ptr, i64) -> ()
// CHECK: %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK: %[[R8:.*]] = arith.extui %[[R]] : i1 to i8
// CHECK: call @nmrt_list_sort(%[[L]], %[[NULL]], %[[R8]], %{{.*}}) : (!llvm.ptr, !llvm.ptr, i8, i64) -> ()
// CHECK: call @nmrt_list_sort(%[[L]], %[[K]], %{{.*}}, %{{.*}}) : (!llvm.ptr, !llvm.ptr, i8, i64) -> ()
func.func @slices_and_sort(%l: !nm.list<f64>, %k: !nm.list<!nm.str>, %i: i64, %r: i1) -> !nm.list<f64> {
  %s = nm.list_slice %l[%i, %i, %i] : !nm.list<f64>
  nm.list_set_slice %l[%i, %i, %i], %l : !nm.list<f64>
  nm.list_sort %l reverse %r : !nm.list<f64>
  nm.list_sort %l by %k reverse %r : !nm.list<f64>, !nm.list<!nm.str>
  return %s : !nm.list<f64>
}
