// Every nm op and type parses, prints and re-parses to the same form, in the custom and the generic syntax.
// RUN: %nm-opt %s | %nm-opt | FileCheck %s
// RUN: %nm-opt %s --mlir-print-op-generic | %nm-opt | FileCheck %s
// RUN: %nm-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// Printing is a fixed point, and the generic form reads back to the same IR:
// RUN: %nm-opt %s > %t.once && %nm-opt %t.once > %t.twice && diff %t.once %t.twice
// RUN: %nm-opt %s --mlir-print-op-generic | %nm-opt > %t.generic && diff %t.once %t.generic

// CHECK-LABEL: func.func @comm_and_identity
// CHECK-SAME: (%[[ARG:.*]]: !nm.comm) -> (i64, i64, f64)
// CHECK: %[[C:.*]] = nm.comm_world
// CHECK-NEXT: %[[R:.*]] = nm.rank %[[C]]
// CHECK-NEXT: %[[S:.*]] = nm.size %[[ARG]]
// CHECK-NEXT: %[[T:.*]] = nm.wtime
// CHECK-NEXT: nm.barrier %[[C]]
// CHECK-NEXT: return %[[R]], %[[S]], %[[T]] : i64, i64, f64
// GENERIC-LABEL: sym_name = "comm_and_identity"
// GENERIC: "nm.comm_world"() : () -> !nm.comm
// GENERIC: "nm.rank"(%{{.*}}) : (!nm.comm) -> i64
// GENERIC: "nm.size"(%{{.*}}) : (!nm.comm) -> i64
// GENERIC: "nm.wtime"() : () -> f64
// GENERIC: "nm.barrier"(%{{.*}}) : (!nm.comm) -> ()
func.func @comm_and_identity(%arg: !nm.comm) -> (i64, i64, f64) {
  %c = nm.comm_world
  %r = nm.rank %c
  %s = nm.size %arg
  %t = nm.wtime
  nm.barrier %c
  return %r, %s, %t : i64, i64, f64
}

// CHECK-LABEL: func.func @gather
// CHECK-SAME: (%[[X:.*]]: f64, %[[I:.*]]: i64, %[[B:.*]]: i1, %[[ROOT:.*]]: i64)
// CHECK: %[[C:.*]] = nm.comm_world
// CHECK-NEXT: nm.gather %[[X]] to %[[ROOT]] on %[[C]] : f64 -> !nm.list<f64>
// CHECK-NEXT: nm.gather %[[I]] to %[[ROOT]] on %[[C]] : i64 -> !nm.list<i64>
// CHECK-NEXT: nm.gather %[[B]] to %[[ROOT]] on %[[C]] : i1 -> !nm.list<i1>
// GENERIC-LABEL: sym_name = "gather"
// GENERIC: "nm.gather"(%{{.*}}, %{{.*}}, %{{.*}}) : (!nm.comm, f64, i64) -> !nm.list<f64>
func.func @gather(%x: f64, %i: i64, %b: i1, %root: i64)
    -> (!nm.list<f64>, !nm.list<i64>, !nm.list<i1>) {
  %c = nm.comm_world
  %gf = nm.gather %x to %root on %c : f64 -> !nm.list<f64>
  %gi = nm.gather %i to %root on %c : i64 -> !nm.list<i64>
  %gb = nm.gather %b to %root on %c : i1 -> !nm.list<i1>
  return %gf, %gi, %gb : !nm.list<f64>, !nm.list<i64>, !nm.list<i1>
}

// CHECK-LABEL: func.func @bcast
// CHECK-SAME: (%[[X:.*]]: f64, %[[B:.*]]: i1, %[[ROOT:.*]]: i64)
// CHECK: %[[C:.*]] = nm.comm_world
// CHECK-NEXT: nm.bcast %[[X]] from %[[ROOT]] on %[[C]] : f64
// CHECK-NEXT: nm.bcast %[[B]] from %[[ROOT]] on %[[C]] : i1
// GENERIC-LABEL: sym_name = "bcast"
// GENERIC: "nm.bcast"(%{{.*}}, %{{.*}}, %{{.*}}) : (!nm.comm, f64, i64) -> f64
func.func @bcast(%x: f64, %b: i1, %root: i64) -> (f64, i1) {
  %c = nm.comm_world
  %vf = nm.bcast %x from %root on %c : f64
  %vb = nm.bcast %b from %root on %c : i1
  return %vf, %vb : f64, i1
}

// CHECK-LABEL: func.func @allgather
// CHECK-SAME: (%[[X:.*]]: f64, %[[B:.*]]: i1)
// CHECK: %[[C:.*]] = nm.comm_world
// CHECK-NEXT: nm.allgather %[[X]] on %[[C]] : f64 -> !nm.list<f64>
// CHECK-NEXT: nm.allgather %[[B]] on %[[C]] : i1 -> !nm.list<i1>
// GENERIC-LABEL: sym_name = "allgather"
// GENERIC: "nm.allgather"(%{{.*}}, %{{.*}}) : (!nm.comm, f64) -> !nm.list<f64>
func.func @allgather(%x: f64, %b: i1) -> (!nm.list<f64>, !nm.list<i1>) {
  %c = nm.comm_world
  %gf = nm.allgather %x on %c : f64 -> !nm.list<f64>
  %gb = nm.allgather %b on %c : i1 -> !nm.list<i1>
  return %gf, %gb : !nm.list<f64>, !nm.list<i1>
}

// CHECK-LABEL: func.func @allreduce
// CHECK-SAME: (%[[X:.*]]: f64, %[[I:.*]]: i64, %[[B:.*]]: i1)
// CHECK: %[[C:.*]] = nm.comm_world
// CHECK-NEXT: nm.allreduce <sum> %[[X]] on %[[C]] : f64
// CHECK-NEXT: nm.allreduce <prod> %[[I]] on %[[C]] : i64
// CHECK-NEXT: nm.allreduce <max> %[[X]] on %[[C]] : f64
// CHECK-NEXT: nm.allreduce <min> %[[I]] on %[[C]] : i64
// CHECK-NEXT: nm.allreduce <land> %[[B]] on %[[C]] : i1
// CHECK-NEXT: nm.allreduce <lor> %[[I]] on %[[C]] : i64
// CHECK-NEXT: nm.scan <sum> %[[I]] on %[[C]] : i64
// CHECK-NEXT: nm.scan <max> %[[X]] on %[[C]] : f64
// GENERIC-LABEL: sym_name = "allreduce"
// GENERIC: "nm.allreduce"(%{{.*}}, %{{.*}}) <{kind = #nm.reduce<sum>}> : (!nm.comm, f64) -> f64
// GENERIC: "nm.allreduce"(%{{.*}}, %{{.*}}) <{kind = #nm.reduce<prod>}> : (!nm.comm, i64) -> i64
// GENERIC: <{kind = #nm.reduce<max>}>
// GENERIC: <{kind = #nm.reduce<min>}>
// GENERIC: <{kind = #nm.reduce<land>}> : (!nm.comm, i1) -> i1
// GENERIC: <{kind = #nm.reduce<lor>}> : (!nm.comm, i64) -> i64
// GENERIC: "nm.scan"(%{{.*}}, %{{.*}}) <{kind = #nm.reduce<sum>}> : (!nm.comm, i64) -> i64
func.func @allreduce(%x: f64, %i: i64, %b: i1) {
  %c = nm.comm_world
  %0 = nm.allreduce <sum> %x on %c : f64
  %1 = nm.allreduce <prod> %i on %c : i64
  %2 = nm.allreduce <max> %x on %c : f64
  %3 = nm.allreduce <min> %i on %c : i64
  %4 = nm.allreduce <land> %b on %c : i1
  %5 = nm.allreduce <lor> %i on %c : i64
  %6 = nm.scan <sum> %i on %c : i64
  %7 = nm.scan <max> %x on %c : f64
  return
}

// CHECK-LABEL: func.func @lists
// CHECK-SAME: (%[[X:.*]]: f64, %[[Y:.*]]: f64, %[[I:.*]]: i64, %[[B:.*]]: i1, %[[G:.*]]: !nm.list<i64>)
// CHECK: %[[L:.*]] = nm.list_from_elements %[[X]], %[[Y]] : f64, f64 -> !nm.list<f64>
// CHECK-NEXT: %[[LB:.*]] = nm.list_from_elements %[[B]] : i1 -> !nm.list<i1>
// CHECK-NEXT: nm.print %[[L]] : !nm.list<f64>
// CHECK-NEXT: nm.print %[[G]] : !nm.list<i64>
// CHECK-NEXT: nm.list_len %[[L]] : !nm.list<f64>
// CHECK-NEXT: nm.list_len %[[G]] for <iter> : !nm.list<i64>
// CHECK-NEXT: nm.list_get %[[L]][%[[I]]] : !nm.list<f64>
// CHECK-NEXT: nm.list_get %[[G]][%[[I]]] : !nm.list<i64>
// CHECK-NEXT: nm.list_get %[[LB]][%[[I]]] : !nm.list<i1>
// CHECK-NEXT: nm.list_len %[[G]] for <subscript> : !nm.list<i64>
// CHECK-NEXT: nm.list_len %[[G]] for <store> : !nm.list<i64>
// CHECK-NEXT: %[[S:.*]] = nm.list_slice %[[G]][%[[I]], %[[I]], %[[I]]] : !nm.list<i64>
// CHECK-NEXT: nm.list_set_slice %[[G]][%[[I]], %[[I]], %[[I]]], %[[S]] : !nm.list<i64>
// CHECK-NEXT: nm.list_sort %[[L]] reverse %[[B]] : !nm.list<f64>
// CHECK-NEXT: nm.list_sort %[[L]] by %[[G]] reverse %[[B]] : !nm.list<f64>, !nm.list<i64>
// CHECK-NEXT: nm.list_repr %[[G]] : !nm.list<i64>
// GENERIC-LABEL: sym_name = "lists"
// GENERIC: "nm.list_from_elements"(%{{.*}}, %{{.*}}) : (f64, f64) -> !nm.list<f64>
// GENERIC: "nm.print"(%{{.*}}) : (!nm.list<f64>) -> ()
// GENERIC: "nm.list_len"(%{{.*}}) <{use = #nm.list_len_use<len>}> : (!nm.list<f64>) -> i64
// GENERIC: "nm.list_len"(%{{.*}}) <{use = #nm.list_len_use<iter>}> : (!nm.list<i64>) -> i64
// GENERIC: "nm.list_get"(%{{.*}}, %{{.*}}) : (!nm.list<f64>, i64) -> f64
func.func @lists(%x: f64, %y: f64, %i: i64, %b: i1, %g: !nm.list<i64>) {
  %l = nm.list_from_elements %x, %y : f64, f64 -> !nm.list<f64>
  %lb = nm.list_from_elements %b : i1 -> !nm.list<i1>
  nm.print %l : !nm.list<f64>
  nm.print %g : !nm.list<i64>
  %n = nm.list_len %l : !nm.list<f64>
  %m = nm.list_len %g for <iter> : !nm.list<i64>
  %v = nm.list_get %l[%i] : !nm.list<f64>
  %w = nm.list_get %g[%i] : !nm.list<i64>
  %z = nm.list_get %lb[%i] : !nm.list<i1>
  %ns = nm.list_len %g for <subscript> : !nm.list<i64>
  %nt = nm.list_len %g for <store> : !nm.list<i64>
  %s = nm.list_slice %g[%i, %i, %i] : !nm.list<i64>
  nm.list_set_slice %g[%i, %i, %i], %s : !nm.list<i64>
  nm.list_sort %l reverse %b : !nm.list<f64>
  nm.list_sort %l by %g reverse %b : !nm.list<f64>, !nm.list<i64>
  %r = nm.list_repr %g : !nm.list<i64>
  return
}

// CHECK-LABEL: func.func @python_values
// CHECK-SAME: (%[[X:.*]]: f64, %[[I:.*]]: i64, %[[B:.*]]: i1, %[[S:.*]]: !nm.str)
// CHECK: %[[T:.*]] = nm.constant_str "x =\0A"
// CHECK-NEXT: nm.print %[[T]] : !nm.str
// CHECK-NEXT: nm.print %[[X]] : f64
// CHECK-NEXT: nm.print %[[I]] : i64
// CHECK-NEXT: nm.print %[[B]] : i1
// CHECK-NEXT: nm.print %[[S]] : !nm.str
// CHECK-NEXT: nm.raise "ValueError", "negative dimensions are not allowed"
// CHECK-NEXT: nm.raise "AssertionError", ""
// CHECK-NEXT: nm.raise_index_error %[[I]], %[[I]], %[[I]]
// GENERIC-LABEL: sym_name = "python_values"
// GENERIC: "nm.constant_str"() <{value = "x =\0A"}> : () -> !nm.str
// GENERIC: "nm.print"(%{{.*}}) : (!nm.str) -> ()
// GENERIC: "nm.raise"() <{exception = "ValueError", message = "negative dimensions are not allowed"}> : () -> ()
// GENERIC: "nm.raise_index_error"(%{{.*}}, %{{.*}}, %{{.*}}) : (i64, i64, i64) -> ()
func.func @python_values(%x: f64, %i: i64, %b: i1, %s: !nm.str) {
  %t = nm.constant_str "x =\0A"
  nm.print %t : !nm.str
  nm.print %x : f64
  nm.print %i : i64
  nm.print %b : i1
  nm.print %s : !nm.str
  nm.raise "ValueError", "negative dimensions are not allowed"
  nm.raise "AssertionError", ""
  nm.raise_index_error %i, %i, %i
  return
}

// CHECK-LABEL: func.func @memory_error
// CHECK: nm.raise_memory_error %{{.*}}, %{{.*}} {dtype = "float64", itemsize = 8 : i64}
func.func @memory_error(%n: i64, %shape: !nm.str) {
  nm.raise_memory_error %n, %shape {dtype = "float64", itemsize = 8 : i64}
  return
}

// CHECK-LABEL: func.func @exits_clocks_and_raise_with_text
// CHECK-SAME: (%[[C:.*]]: i64, %[[M:.*]]: !nm.str, %[[S:.*]]: f64)
// CHECK-NEXT: nm.raise "RuntimeError", ""(%[[M]])
// CHECK-NEXT: %{{.*}} = nm.clock <time>
// CHECK-NEXT: %{{.*}} = nm.clock <perf_counter>
// CHECK-NEXT: nm.sleep %[[S]]
// CHECK-NEXT: nm.exit %[[C]] : i64
// CHECK-NEXT: nm.exit %[[M]] : !nm.str
// GENERIC-LABEL: sym_name = "exits_clocks_and_raise_with_text"
// GENERIC: "nm.raise"(%{{.*}}) <{exception = "RuntimeError", message = ""}> : (!nm.str) -> ()
// GENERIC: "nm.clock"() <{kind = #nm.clock<time>}> : () -> f64
// GENERIC: "nm.exit"(%{{.*}}) : (i64) -> ()
func.func @exits_clocks_and_raise_with_text(%c: i64, %m: !nm.str, %s: f64) {
  nm.raise "RuntimeError", ""(%m)
  %t = nm.clock <time>
  %p = nm.clock <perf_counter>
  nm.sleep %s
  nm.exit %c : i64
  nm.exit %m : !nm.str
  return
}

// CHECK-LABEL: func.func @library_calls
// CHECK: nm.library_call <gcd>(%{{.*}}, %{{.*}}) : (i64, i64) -> i64
// CHECK-NEXT: nm.library_call <factorial>(%{{.*}}) : (i64) -> i64
// CHECK-NEXT: nm.library_call <pow_mod>(%{{.*}}, %{{.*}}, %{{.*}}) : (i64, i64, i64) -> i64
// CHECK-NEXT: nm.library_call <round_digits>(%{{.*}}, %{{.*}}) : (f64, i64) -> f64
// CHECK-NEXT: nm.library_call <round_digits_numba>(%{{.*}}, %{{.*}}) : (f64, i64) -> f64
// CHECK-NEXT: nm.library_call <round_int_digits>(%{{.*}}, %{{.*}}) : (i64, i64) -> i64
// CHECK-NEXT: nm.library_call <isclose>(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (f64, f64, f64, f64) -> i1
// CHECK-NEXT: nm.library_call <fsum>(%{{.*}}) : (!nm.list<f64>) -> f64
// CHECK-NEXT: nm.library_call <fsum>(%{{.*}}) : (memref<?xf64, strided<[?], offset: ?>>) -> f64
// CHECK-NEXT: nm.library_call <int_from_str>(%{{.*}}) : (!nm.str) -> i64
// CHECK-NEXT: nm.library_call <float_from_str>(%{{.*}}) : (!nm.str) -> f64
// GENERIC-LABEL: sym_name = "library_calls"
// GENERIC: "nm.library_call"(%{{.*}}, %{{.*}}) <{function = #nm.library_function<gcd>}> : (i64, i64) -> i64
func.func @library_calls(%i: i64, %x: f64, %l: !nm.list<f64>,
                         %a: memref<?xf64, strided<[?], offset: ?>>,
                         %s: !nm.str) {
  %g = nm.library_call <gcd>(%i, %i) : (i64, i64) -> i64
  %f = nm.library_call <factorial>(%i) : (i64) -> i64
  %p = nm.library_call <pow_mod>(%i, %i, %i) : (i64, i64, i64) -> i64
  %r = nm.library_call <round_digits>(%x, %i) : (f64, i64) -> f64
  %n = nm.library_call <round_digits_numba>(%x, %i) : (f64, i64) -> f64
  %k = nm.library_call <round_int_digits>(%i, %i) : (i64, i64) -> i64
  %c = nm.library_call <isclose>(%x, %x, %x, %x) : (f64, f64, f64, f64) -> i1
  %sl = nm.library_call <fsum>(%l) : (!nm.list<f64>) -> f64
  %sa = nm.library_call <fsum>(%a) : (memref<?xf64, strided<[?], offset: ?>>) -> f64
  %ni = nm.library_call <int_from_str>(%s) : (!nm.str) -> i64
  %nf = nm.library_call <float_from_str>(%s) : (!nm.str) -> f64
  return
}

// CHECK-LABEL: func.func @strings
// CHECK: %[[F:.*]] = nm.format %{{.*}}, %{{.*}} : f64
// CHECK-NEXT: %[[R:.*]] = nm.repr %[[F]]
// CHECK-NEXT: %[[C:.*]] = nm.str_concat %[[F]], %[[R]], %{{.*}}
// CHECK-NEXT: nm.str_len %[[C]]
// GENERIC-LABEL: sym_name = "strings"
// GENERIC: "nm.format"(%{{.*}}, %{{.*}}) : (f64, !nm.str) -> !nm.str
// GENERIC: "nm.str_concat"(%{{.*}}, %{{.*}}, %{{.*}}) : (!nm.str, !nm.str, !nm.str) -> !nm.str
func.func @strings(%x: f64, %spec: !nm.str) -> i64 {
  %f = nm.format %x, %spec : f64
  %r = nm.repr %f
  %c = nm.str_concat %f, %r, %spec
  %n = nm.str_len %c
  return %n : i64
}

// CHECK-LABEL: func.func @argv_and_string_order
// CHECK: %[[A:.*]] = nm.argv : !nm.list<!nm.str>
// CHECK-NEXT: %[[S:.*]] = nm.list_get %[[A]][%{{.*}}] : !nm.list<!nm.str>
// CHECK-NEXT: nm.str_compare %[[S]], %{{.*}}
// CHECK-NEXT: nm.str_contains %[[S]], %{{.*}}
// CHECK-NEXT: nm.list_from_elements %[[S]], %{{.*}} : !nm.str, !nm.str -> !nm.list<!nm.str>
func.func @argv_and_string_order(%i: i64, %t: !nm.str) -> (i64, i1) {
  %a = nm.argv : !nm.list<!nm.str>
  %s = nm.list_get %a[%i] : !nm.list<!nm.str>
  %o = nm.str_compare %s, %t
  %c = nm.str_contains %s, %t
  %l = nm.list_from_elements %s, %t : !nm.str, !nm.str -> !nm.list<!nm.str>
  return %o, %c : i64, i1
}

// CHECK-LABEL: func.func @streams
// CHECK: nm.write %{{.*}}{{$}}
// CHECK-NEXT: nm.write %{{.*}} to stderr
// CHECK-NEXT: nm.flush{{$}}
// CHECK-NEXT: nm.flush stderr
func.func @streams(%s: !nm.str) {
  nm.write %s
  nm.write %s to stderr
  nm.flush
  nm.flush stderr
  return
}

// CHECK-LABEL: func.func @list_methods
// CHECK: nm.list_set %[[L:.*]][%[[I:.*]]], %[[X:.*]] : !nm.list<f64>
// CHECK-NEXT: nm.list_append %[[L]], %[[X]] : !nm.list<f64>
// CHECK-NEXT: nm.list_insert %[[L]][%[[I]]], %[[X]] : !nm.list<f64>
// CHECK-NEXT: nm.list_pop %[[L]][%[[I]]] : !nm.list<f64>
// CHECK-NEXT: nm.list_search <contains> %[[L]], %[[X]] : !nm.list<f64>
// CHECK-NEXT: nm.list_search <index> %[[L]], %[[X]] numba : !nm.list<f64>
// CHECK-NEXT: nm.list_search <count> %[[L]], %[[X]] : !nm.list<f64>
// CHECK-NEXT: nm.list_search <remove> %[[L]], %[[X]] : !nm.list<f64>
// CHECK-NEXT: nm.list_extend %[[L]], %[[L]] : !nm.list<f64>
// CHECK-NEXT: nm.list_extend %[[L]], %[[L]] iadd : !nm.list<f64>
// CHECK-NEXT: nm.list_concat %[[L]], %[[L]] : !nm.list<f64>
// CHECK-NEXT: nm.list_copy %[[L]] : !nm.list<f64>
// CHECK-NEXT: nm.list_copy %[[L]] method : !nm.list<f64>
// CHECK-NEXT: nm.list_reverse %[[L]] : !nm.list<f64>
// CHECK-NEXT: nm.list_clear %[[L]] : !nm.list<f64>
// CHECK-NEXT: nm.list_repeat %[[L]], %[[I]] : !nm.list<f64>
// CHECK-NEXT: nm.list_range %[[I]], %[[I]], %[[I]] : !nm.list<i64>
// CHECK-NEXT: nm.list_unpack %[[L]] : !nm.list<f64> -> f64, f64
// CHECK-NEXT: nm.list_unpack %[[L]] numba : !nm.list<f64> -> f64
// GENERIC-LABEL: sym_name = "list_methods"
// GENERIC: "nm.list_search"(%{{.*}}, %{{.*}}) <{kind = #nm.list_search<contains>}> : (!nm.list<f64>, f64) -> i64
// GENERIC: "nm.list_unpack"(%{{.*}}) : (!nm.list<f64>) -> (f64, f64)
func.func @list_methods(%l: !nm.list<f64>, %i: i64, %x: f64) {
  nm.list_set %l[%i], %x : !nm.list<f64>
  nm.list_append %l, %x : !nm.list<f64>
  nm.list_insert %l[%i], %x : !nm.list<f64>
  %p = nm.list_pop %l[%i] : !nm.list<f64>
  %c = nm.list_search <contains> %l, %x : !nm.list<f64>
  %n = nm.list_search <index> %l, %x numba : !nm.list<f64>
  %k = nm.list_search <count> %l, %x : !nm.list<f64>
  %r = nm.list_search <remove> %l, %x : !nm.list<f64>
  nm.list_extend %l, %l : !nm.list<f64>
  nm.list_extend %l, %l iadd : !nm.list<f64>
  %s = nm.list_concat %l, %l : !nm.list<f64>
  %a = nm.list_copy %l : !nm.list<f64>
  %b = nm.list_copy %l method : !nm.list<f64>
  nm.list_reverse %l : !nm.list<f64>
  nm.list_clear %l : !nm.list<f64>
  %t = nm.list_repeat %l, %i : !nm.list<f64>
  %g = nm.list_range %i, %i, %i : !nm.list<i64>
  %u:2 = nm.list_unpack %l : !nm.list<f64> -> f64, f64
  %v = nm.list_unpack %l numba : !nm.list<f64> -> f64
  return
}

// CHECK-LABEL: func.func @str_methods
// CHECK: nm.str_method <upper>(%{{.*}}) : (!nm.str) -> !nm.str
// CHECK-NEXT: nm.str_method <strip>(%{{.*}}, %{{.*}}) : (!nm.str, !nm.str) -> !nm.str
// CHECK-NEXT: nm.str_method <split>(%{{.*}}, %{{.*}}) : (!nm.str, i64) -> !nm.list<!nm.str>
// CHECK-NEXT: nm.str_method <join>(%{{.*}}, %{{.*}}) : (!nm.str, !nm.list<!nm.str>) -> !nm.str
func.func @str_methods(%s: !nm.str, %n: i64) {
  %u = nm.str_method <upper>(%s) : (!nm.str) -> !nm.str
  %t = nm.str_method <strip>(%s, %u) : (!nm.str, !nm.str) -> !nm.str
  %w = nm.str_method <split>(%s, %n) : (!nm.str, i64) -> !nm.list<!nm.str>
  %j = nm.str_method <join>(%s, %w) : (!nm.str, !nm.list<!nm.str>) -> !nm.str
  return
}
