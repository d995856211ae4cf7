// --convert-nmc-to-llvm lowers memref.load and memref.store without `nuw`:
// with a negative stride (static, or dynamic and negative at run time) the
// index * stride product wraps as an unsigned number, so MLIR 22's
// `mul overflow<nsw, nuw>` and `getelementptr inbounds|nuw` made the address
// poison and `for x in a[::-1]` read zeros at -O2.
// RUN: %nm-opt %s --convert-nmc-to-llvm --reconcile-unrealized-casts \
// RUN:   | FileCheck %s --implicit-check-not=nuw

// CHECK-LABEL: llvm.func @reversed_static
// CHECK: llvm.mul %{{.*}}, %{{.*}} overflow<nsw> : i64
// CHECK: llvm.getelementptr inbounds %{{.*}}[%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f64
// CHECK: llvm.load
func.func @reversed_static(%a: memref<8xf64, strided<[-1], offset: 7>>, %i: index) -> f64 {
  %x = memref.load %a[%i] : memref<8xf64, strided<[-1], offset: 7>>
  return %x : f64
}

// CHECK-LABEL: llvm.func @dynamic_stride
// CHECK: llvm.mul %{{.*}}, %{{.*}} overflow<nsw> : i64
// CHECK: llvm.getelementptr inbounds %{{.*}}[%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f64
// CHECK: llvm.store
func.func @dynamic_stride(%a: memref<?xf64, strided<[?], offset: ?>>, %i: index, %v: f64) {
  memref.store %v, %a[%i] : memref<?xf64, strided<[?], offset: ?>>
  return
}

// Contiguous accesses keep inbounds as well.
// CHECK-LABEL: llvm.func @contiguous
// CHECK: llvm.getelementptr inbounds %{{.*}}[%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f64
// CHECK: llvm.load
func.func @contiguous(%a: memref<?xf64>, %i: index) -> f64 {
  %x = memref.load %a[%i] : memref<?xf64>
  return %x : f64
}
