// With MPICH, --convert-nmc-to-llvm passes integer handles: MPI_SUM = 0x58000003, MPI_DOUBLE = 0x4c00080b, MPI_COMM_WORLD = 0x44000000 truncated to i32, and no Open MPI globals.
// RUN: %nm-opt %s --convert-nmc-to-llvm --reconcile-unrealized-casts \
// RUN:   | FileCheck %s --implicit-check-not=ompi_ --implicit-check-not=llvm.mlir.global \
// RUN:       --implicit-check-not=mpi. --implicit-check-not=memref.

// CHECK: llvm.func @MPI_Allreduce(!llvm.ptr, !llvm.ptr, i32, i32, i32, i32) -> i32
// CHECK-NOT: llvm.func @MPI_Allreduce
// CHECK-LABEL: llvm.func @allreduce_ops()
// MPI_COMM_WORLD is 0x44000000.
// CHECK: %[[COMM:.*]] = llvm.mlir.constant(1140850688 : i64) : i64

// MPI_SUM on MPI_DOUBLE
// CHECK: %[[SEND0:.*]] = llvm.getelementptr %{{.*}}[%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f64
// CHECK: %[[N0:.*]] = llvm.trunc %{{.*}} : i64 to i32
// CHECK: %[[RECV0:.*]] = llvm.getelementptr %{{.*}}[%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f64
// CHECK: %[[DT0:.*]] = llvm.mlir.constant(1275070475 : i32) : i32
// CHECK-NEXT: %[[OP0:.*]] = llvm.mlir.constant(1476395011 : i32) : i32
// CHECK-NEXT: %[[C0:.*]] = llvm.trunc %[[COMM]] : i64 to i32
// CHECK-NEXT: llvm.call @MPI_Allreduce(%[[SEND0]], %[[RECV0]], %[[N0]], %[[DT0]], %[[OP0]], %[[C0]]) : (!llvm.ptr, !llvm.ptr, i32, i32, i32, i32) -> i32

// MPI_MAX (0x58000001) on MPI_INT64_T (0x4c00083a)
// CHECK: %[[DT1:.*]] = llvm.mlir.constant(1275070522 : i32) : i32
// CHECK-NEXT: %[[OP1:.*]] = llvm.mlir.constant(1476395009 : i32) : i32
// CHECK-NEXT: %[[C1:.*]] = llvm.trunc %[[COMM]] : i64 to i32
// CHECK-NEXT: llvm.call @MPI_Allreduce(%{{.*}}, %{{.*}}, %{{.*}}, %[[DT1]], %[[OP1]], %[[C1]])

// MPI_MIN (0x58000002) on MPI_DOUBLE
// CHECK: llvm.mlir.constant(1275070475 : i32) : i32
// CHECK-NEXT: llvm.mlir.constant(1476395010 : i32) : i32
// CHECK-NEXT: llvm.trunc %[[COMM]] : i64 to i32
// CHECK-NEXT: llvm.call @MPI_Allreduce
// MPI_PROD (0x58000004) on MPI_INT64_T
// CHECK: llvm.mlir.constant(1275070522 : i32) : i32
// CHECK-NEXT: llvm.mlir.constant(1476395012 : i32) : i32
// CHECK-NEXT: llvm.trunc %[[COMM]] : i64 to i32
// CHECK-NEXT: llvm.call @MPI_Allreduce
// MPI_LAND (0x58000005) and MPI_LOR (0x58000007) on MPI_INT8_T (0x4c000137)
// CHECK: llvm.mlir.constant(1275068727 : i32) : i32
// CHECK-NEXT: llvm.mlir.constant(1476395013 : i32) : i32
// CHECK-NEXT: llvm.trunc %[[COMM]] : i64 to i32
// CHECK-NEXT: llvm.call @MPI_Allreduce
// CHECK: llvm.mlir.constant(1275068727 : i32) : i32
// CHECK-NEXT: llvm.mlir.constant(1476395015 : i32) : i32
// CHECK-NEXT: llvm.trunc %[[COMM]] : i64 to i32
// CHECK-NEXT: llvm.call @MPI_Allreduce
// CHECK: llvm.return
module attributes {dlti.map = #dlti.map<"MPI:Implementation" = "MPICH">} {
  func.func @allreduce_ops() {
    %comm = mpi.comm_world : !mpi.comm
    %fs = memref.alloca() : memref<1xf64>
    %fr = memref.alloca() : memref<1xf64>
    %is = memref.alloca() : memref<4xi64>
    %ir = memref.alloca() : memref<4xi64>
    %bs = memref.alloca() : memref<1xi8>
    %br = memref.alloca() : memref<1xi8>
    mpi.allreduce(%fs, %fr, MPI_SUM, %comm) : memref<1xf64>, memref<1xf64>
    mpi.allreduce(%is, %ir, MPI_MAX, %comm) : memref<4xi64>, memref<4xi64>
    mpi.allreduce(%fs, %fr, MPI_MIN, %comm) : memref<1xf64>, memref<1xf64>
    mpi.allreduce(%is, %ir, MPI_PROD, %comm) : memref<4xi64>, memref<4xi64>
    mpi.allreduce(%bs, %br, MPI_LAND, %comm) : memref<1xi8>, memref<1xi8>
    mpi.allreduce(%bs, %br, MPI_LOR, %comm) : memref<1xi8>, memref<1xi8>
    return
  }
}
