// --convert-nmc-to-llvm passes MPI_Allreduce the product of all of a buffer's dimensions as the count (upstream passes only dimension 0).
// RUN: %nm-opt %s --convert-nmc-to-llvm --reconcile-unrealized-casts 2>&1 | FileCheck %s --implicit-check-not=error
// RUN: %nm-opt %s --convert-nmc-to-llvm --reconcile-unrealized-casts -canonicalize | FileCheck %s --check-prefix=CANON

module attributes {dlti.map = #dlti.map<"MPI:Implementation" = "OpenMPI">} {

// CHECK-LABEL: llvm.func @two_by_three
// CHECK: %[[ONE:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK-NEXT: %[[D0:.*]] = llvm.extractvalue %[[SEND:.*]][3, 0] : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %[[P0:.*]] = llvm.mul %[[ONE]], %[[D0]] : i64
// CHECK-NEXT: %[[D1:.*]] = llvm.extractvalue %[[SEND]][3, 1] : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-NEXT: %[[P1:.*]] = llvm.mul %[[P0]], %[[D1]] : i64
// CHECK-NEXT: %[[N:.*]] = llvm.trunc %[[P1]] : i64 to i32
// CHECK: llvm.call @MPI_Allreduce(%{{.*}}, %{{.*}}, %[[N]], %{{.*}}, %{{.*}}, %{{.*}})
  func.func @two_by_three(%s: memref<2x3xf64>, %r: memref<2x3xf64>) {
    %comm = mpi.comm_world : !mpi.comm
    mpi.allreduce(%s, %r, MPI_SUM, %comm) : memref<2x3xf64>, memref<2x3xf64>
    return
  }

// Dynamic sizes multiply the same way.
// CHECK-LABEL: llvm.func @dynamic_rank3
// CHECK: %[[ONE:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK-NEXT: %[[D0:.*]] = llvm.extractvalue %[[SEND:.*]][3, 0]
// CHECK-NEXT: %[[P0:.*]] = llvm.mul %[[ONE]], %[[D0]] : i64
// CHECK-NEXT: %[[D1:.*]] = llvm.extractvalue %[[SEND]][3, 1]
// CHECK-NEXT: %[[P1:.*]] = llvm.mul %[[P0]], %[[D1]] : i64
// CHECK-NEXT: %[[D2:.*]] = llvm.extractvalue %[[SEND]][3, 2]
// CHECK-NEXT: %[[P2:.*]] = llvm.mul %[[P1]], %[[D2]] : i64
// CHECK-NEXT: %[[N:.*]] = llvm.trunc %[[P2]] : i64 to i32
// CHECK: llvm.call @MPI_Allreduce(%{{.*}}, %{{.*}}, %[[N]],
  func.func @dynamic_rank3(%s: memref<?x3x?xi64>, %r: memref<?x3x?xi64>) {
    %comm = mpi.comm_world : !mpi.comm
    mpi.allreduce(%s, %r, MPI_MAX, %comm) : memref<?x3x?xi64>, memref<?x3x?xi64>
    return
  }

// With static local buffers the sizes become the constants 2 and 3.
// CANON-LABEL: llvm.func @local_two_by_three
// CANON-DAG: %[[ONE:.*]] = llvm.mlir.constant(1 : i64) : i64
// CANON-DAG: %[[TWO:.*]] = llvm.mlir.constant(2 : index) : i64
// CANON-DAG: %[[THREE:.*]] = llvm.mlir.constant(3 : index) : i64
// CANON: %[[P0:.*]] = llvm.mul %[[ONE]], %[[TWO]] : i64
// CANON-NEXT: %[[P1:.*]] = llvm.mul %[[P0]], %[[THREE]] : i64
// CANON-NEXT: %[[N:.*]] = llvm.trunc %[[P1]] : i64 to i32
// CANON: llvm.call @MPI_Allreduce(%{{.*}}, %{{.*}}, %[[N]],
  func.func @local_two_by_three() {
    %comm = mpi.comm_world : !mpi.comm
    %s = memref.alloca() : memref<2x3xf64>
    %r = memref.alloca() : memref<2x3xf64>
    mpi.allreduce(%s, %r, MPI_SUM, %comm) : memref<2x3xf64>, memref<2x3xf64>
    return
  }

}
