// The length of a list literal nothing changes and a constant in-range
// index into it fold away; an out-of-range index is kept so that it still
// raises IndexError.
// RUN: %nm-opt --canonicalize %s | FileCheck %s

// CHECK-LABEL: func.func @literal
// CHECK-DAG: %[[TWO:.*]] = arith.constant 2 : i64
// CHECK-DAG: %[[FIVE:.*]] = arith.constant 5 : i64
// CHECK: %[[LIST:.*]] = nm.list_from_elements %arg0, %arg1
// CHECK: %[[OUT:.*]] = nm.list_get %[[LIST]][%[[FIVE]]]
// CHECK: return %[[TWO]], %arg1, %[[OUT]]
func.func @literal(%a: f64, %b: f64) -> (i64, f64, f64) {
  %l = nm.list_from_elements %a, %b : f64, f64 -> !nm.list<f64>
  %n = nm.list_len %l for <iter> : !nm.list<f64>
  %c = arith.constant -1 : i64
  %last = nm.list_get %l[%c] : !nm.list<f64>
  %c5 = arith.constant 5 : i64
  %out = nm.list_get %l[%c5] : !nm.list<f64>
  return %n, %last, %out : i64, f64, f64
}

// A gathered list may be None on some ranks: its length is not folded.
// CHECK-LABEL: func.func @gathered
// CHECK: nm.list_len
func.func @gathered(%x: f64, %root: i64) -> i64 {
  %comm = nm.comm_world
  %l = nm.gather %x to %root on %comm : f64 -> !nm.list<f64>
  %n = nm.list_len %l : !nm.list<f64>
  return %n : i64
}

// A literal that something can change (a store, an append, a call, a
// branch) is not folded: its length and elements are read at run time.
// CHECK-LABEL: func.func @changed_literal
// CHECK: nm.list_set
// CHECK: nm.list_append
// CHECK: %[[N:.*]] = nm.list_len
// CHECK: %[[X:.*]] = nm.list_get
// CHECK: return %[[N]], %[[X]]
func.func @changed_literal(%a: f64, %b: f64) -> (i64, f64) {
  %l = nm.list_from_elements %a, %b : f64, f64 -> !nm.list<f64>
  %c0 = arith.constant 0 : i64
  nm.list_set %l[%c0], %b : !nm.list<f64>
  nm.list_append %l, %a : !nm.list<f64>
  %n = nm.list_len %l : !nm.list<f64>
  %x = nm.list_get %l[%c0] : !nm.list<f64>
  return %n, %x : i64, f64
}
