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

// sys.argv and lists of str: the str variants of the list functions;
// strings put into a list are never freed.
// CHECK-LABEL: func.func @argv_and_str_lists
// CHECK: %[[A:.*]] = call @nmrt_argv() : () -> !llvm.ptr
// CHECK: %[[S:.*]] = call @nmrt_list_get_str(%[[A]], %{{.*}}, %{{.*}}) : (!llvm.ptr, i64, i64) -> !llvm.ptr
// CHECK: %[[O:.*]] = call @nmrt_str_compare(%[[S]], %{{.*}}) : (!llvm.ptr, !llvm.ptr) -> i64
// CHECK: %[[KIND:.*]] = arith.constant 3 : i64
// CHECK: %[[L:.*]] = call @nmrt_list_new(%[[KIND]], %{{.*}})
// CHECK: call @nmrt_list_set_str(%[[L]], %{{.*}}, %[[F:.*]], %{{.*}}) : (!llvm.ptr, i64, !llvm.ptr, i64) -> ()
// CHECK-NOT: nmrt_str_free
// CHECK: return
func.func @argv_and_str_lists(%i: i64, %t: !nm.str, %x: f64) -> (i64, !nm.list<!nm.str>) {
  %a = nm.argv : !nm.list<!nm.str>
  %s = nm.list_get %a[%i] : !nm.list<!nm.str>
  %o = nm.str_compare %s, %t
  %f = nm.format %x, %t : f64
  %l = nm.list_from_elements %f : !nm.str -> !nm.list<!nm.str>
  return %o, %l : i64, !nm.list<!nm.str>
}
