// nm.raise_memory_error becomes the noreturn nmrt_memory_error call with the
// element count, the item size, the dtype's name, the shape's text and the
// source line.
// RUN: %nm-opt %s --convert-nm-to-mpi | FileCheck %s

// CHECK-DAG: llvm.mlir.global internal constant @[[DTYPE:__nmc_str_[0-9A-F]+]]("float64\00")
// CHECK-DAG: func.func private @nmrt_memory_error(i64, i64, !llvm.ptr, !llvm.ptr, i64) attributes {passthrough = ["noreturn"]}
// CHECK-LABEL: func.func @alloc_failed(%arg0: i64, %arg1: !llvm.ptr)
// CHECK: %[[SIZE:.*]] = arith.constant 8 : i64
// CHECK-NEXT: %[[NAME:.*]] = llvm.mlir.addressof @[[DTYPE]] : !llvm.ptr
// CHECK-NEXT: %[[LINE:.*]] = arith.constant 12 : i64
// CHECK-NEXT: call @nmrt_memory_error(%arg0, %[[SIZE]], %[[NAME]], %arg1, %[[LINE]])
func.func @alloc_failed(%n: i64, %shape: !nm.str) {
  nm.raise_memory_error %n, %shape {dtype = "float64", itemsize = 8 : i64} loc("p.npy":12:5)
  return
}
