// --convert-nm-to-mpi lowers nm.format, nm.repr, nm.str_concat and
// nm.str_len to runtime calls. A string made at run time whose only use
// is the op being lowered is freed right after it; a string with other
// uses, or a constant, is not.
// RUN: %nm-opt %s --convert-nm-to-mpi | FileCheck %s

// CHECK-LABEL: func.func @print_fstring
// CHECK-SAME: (%[[X:.*]]: f64, %[[N:.*]]: i64)
// CHECK: %[[SPEC:.*]] = llvm.mlir.addressof
// CHECK: %[[F:.*]] = call @nmrt_format_f64(%[[X]], %[[SPEC]], %{{.*}}) : (f64, !llvm.ptr, i64) -> !llvm.ptr
// CHECK: %[[I:.*]] = call @nmrt_format_i64(%[[N]], %{{.*}}, %{{.*}})
// CHECK: %[[AB:.*]] = call @nmrt_str_concat(%[[F]], %{{.*}}) : (!llvm.ptr, !llvm.ptr) -> !llvm.ptr
// CHECK: %[[ABC:.*]] = call @nmrt_str_concat(%[[AB]], %[[I]])
// CHECK: call @nmrt_str_free(%[[AB]])
// CHECK: call @nmrt_str_free(%[[F]])
// CHECK: call @nmrt_str_free(%[[I]])
// CHECK: call @nmrt_print_str(%[[ABC]])
// CHECK: call @nmrt_str_free(%[[ABC]])
// CHECK-NOT: nmrt_str_free
// CHECK: return
func.func @print_fstring(%x: f64, %n: i64) {
  %spec = nm.constant_str ".3f"
  %f = nm.format %x, %spec : f64
  %sep = nm.constant_str " | "
  %empty = nm.constant_str ""
  %i = nm.format %n, %empty : i64
  %s = nm.str_concat %f, %sep, %i
  nm.print %s : !nm.str
  return
}

// CHECK-LABEL: func.func @kept_strings
// CHECK: %[[F:.*]] = call @nmrt_format_bool
// CHECK: %[[R:.*]] = call @nmrt_str_repr_new(%[[F]])
// CHECK: call @nmrt_str_len(%[[F]])
// CHECK-NOT: nmrt_str_free
// CHECK: return %[[R]]
func.func @kept_strings(%b: i1, %spec: !nm.str) -> (!nm.str, i64) {
  %f = nm.format %b, %spec : i1
  %r = nm.repr %f
  %n = nm.str_len %f
  return %r, %n : !nm.str, i64
}
