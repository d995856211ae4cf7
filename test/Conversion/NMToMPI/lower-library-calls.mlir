// --convert-nm-to-mpi lowers nm.library_call to the runtime function of
// each Python function, with the source line where the function can raise;
// fsum and pairwise_sum of a memref pass the address of its first element,
// its length and its stride (pairwise_sum cannot raise: no line).
// RUN: %nm-opt %s --convert-nm-to-mpi | FileCheck %s

// CHECK-LABEL: func.func @library_calls
// CHECK-SAME: (%[[I:.*]]: i64, %[[X:.*]]: f64, %[[L:.*]]: !llvm.ptr, %[[A:.*]]: memref<?xf64, strided<[?], offset: ?>>, %[[S:.*]]: !llvm.ptr)
// CHECK: call @nmrt_gcd(%[[I]], %[[I]]) : (i64, i64) -> i64
// CHECK: %[[LINE:.*]] = arith.constant {{[0-9]+}} : i64
// CHECK: call @nmrt_factorial(%[[I]], %[[LINE]]) : (i64, i64) -> i64
// CHECK: call @nmrt_pow_mod(%[[I]], %[[I]], %[[I]], %{{.*}}) : (i64, i64, i64, i64) -> i64
// CHECK: call @nmrt_round_digits(%[[X]], %[[I]], %{{.*}}) : (f64, i64, i64) -> f64
// CHECK: call @nmrt_round_digits_numba(%[[X]], %[[I]]) : (f64, i64) -> f64
// CHECK: call @nmrt_round_int_digits(%[[I]], %[[I]]) : (i64, i64) -> i64
// CHECK: %[[C:.*]] = call @nmrt_isclose(%[[X]], %[[X]], %[[X]], %[[X]], %{{.*}}) : (f64, f64, f64, f64, i64) -> i8
// CHECK: arith.trunci %[[C]] : i8 to i1
// CHECK: call @nmrt_fsum_list(%[[L]], %{{.*}}) : (!llvm.ptr, i64) -> f64
// CHECK: %[[BASE:.*]], %[[OFFSET:.*]], %[[SIZE:.*]], %[[STRIDE:.*]] = memref.extract_strided_metadata %[[A]]
// CHECK: memref.extract_aligned_pointer_as_index %[[A]]
// CHECK: %[[FIRST:.*]] = llvm.getelementptr %{{.*}}[%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f64
// CHECK: call @nmrt_fsum_strided(%[[FIRST]], %{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, i64, i64, i64) -> f64
// CHECK: call @nmrt_pairwise_sum_strided(%{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, i64, i64) -> f64
// CHECK: call @nmrt_str_to_i64(%[[S]], %{{.*}}) : (!llvm.ptr, i64) -> i64
// CHECK: call @nmrt_str_to_f64(%[[S]], %{{.*}}) : (!llvm.ptr, i64) -> f64
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
  %pw = nm.library_call <pairwise_sum>(%a) : (memref<?xf64, strided<[?], offset: ?>>) -> f64
  %ni = nm.library_call <int_from_str>(%s) : (!nm.str) -> i64
  %nf = nm.library_call <float_from_str>(%s) : (!nm.str) -> f64
  return
}
