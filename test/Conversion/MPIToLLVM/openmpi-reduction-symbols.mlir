// With Open MPI, --convert-nmc-to-llvm names reduction operators ompi_mpi_op_<op> (what libmpi exports, not upstream's ompi_mpi_<op>) and datatypes ompi_mpi_<type>.
// RUN: %nm-opt %s --convert-nmc-to-llvm --reconcile-unrealized-casts \
// RUN:   | FileCheck %s --implicit-check-not=@ompi_mpi_sum --implicit-check-not=@ompi_mpi_max \
// RUN:       --implicit-check-not=@ompi_mpi_min --implicit-check-not=@ompi_mpi_prod \
// RUN:       --implicit-check-not=@ompi_mpi_land --implicit-check-not=@ompi_mpi_lor \
// RUN:       --implicit-check-not=mpi. --implicit-check-not=memref.

// CHECK-DAG: llvm.mlir.global external @ompi_mpi_op_sum() {addr_space = 0 : i32} : !llvm.struct<"ompi_predefined_op_t", opaque>
// CHECK-DAG: llvm.mlir.global external @ompi_mpi_op_max() {addr_space = 0 : i32} : !llvm.struct<"ompi_predefined_op_t", opaque>
// CHECK-DAG: llvm.mlir.global external @ompi_mpi_op_min() {addr_space = 0 : i32} : !llvm.struct<"ompi_predefined_op_t", opaque>
// CHECK-DAG: llvm.mlir.global external @ompi_mpi_op_prod() {addr_space = 0 : i32} : !llvm.struct<"ompi_predefined_op_t", opaque>
// CHECK-DAG: llvm.mlir.global external @ompi_mpi_op_land() {addr_space = 0 : i32} : !llvm.struct<"ompi_predefined_op_t", opaque>
// CHECK-DAG: llvm.mlir.global external @ompi_mpi_op_lor() {addr_space = 0 : i32} : !llvm.struct<"ompi_predefined_op_t", opaque>
// CHECK-DAG: llvm.mlir.global external @ompi_mpi_double() {addr_space = 0 : i32} : !llvm.struct<"ompi_predefined_datatype_t", opaque>
// CHECK-DAG: llvm.mlir.global external @ompi_mpi_int64_t() {addr_space = 0 : i32} : !llvm.struct<"ompi_predefined_datatype_t", opaque>
// CHECK-DAG: llvm.mlir.global external @ompi_mpi_int8_t() {addr_space = 0 : i32} : !llvm.struct<"ompi_predefined_datatype_t", opaque>
// CHECK-DAG: llvm.mlir.global external @ompi_mpi_comm_world()
// CHECK-DAG: llvm.func @MPI_Allreduce(!llvm.ptr, !llvm.ptr, i32, !llvm.ptr, !llvm.ptr, !llvm.ptr) -> i32
// Each global and the function are declared once.
// CHECK-NOT: @ompi_mpi_op_sum()
// CHECK-NOT: llvm.func @MPI_Allreduce

// CHECK-LABEL: llvm.func @allreduce_ops()
// CHECK: %[[W:.*]] = llvm.mlir.addressof @ompi_mpi_comm_world : !llvm.ptr
// CHECK: %[[COMM:.*]] = llvm.ptrtoint %[[W]] : !llvm.ptr to i64

// MPI_SUM on memref<1xf64>
// CHECK: %[[SEND0:.*]] = llvm.getelementptr %{{.*}}[%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f64
// CHECK: %[[N0:.*]] = llvm.trunc %{{.*}} : i64 to i32
// CHECK: %[[RECV0:.*]] = llvm.getelementptr %{{.*}}[%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f64
// CHECK: %[[DT0:.*]] = llvm.mlir.addressof @ompi_mpi_double : !llvm.ptr
// CHECK-NEXT: %[[OP0:.*]] = llvm.mlir.addressof @ompi_mpi_op_sum : !llvm.ptr
// CHECK-NEXT: %[[C0:.*]] = llvm.inttoptr %[[COMM]] : i64 to !llvm.ptr
// CHECK-NEXT: llvm.call @MPI_Allreduce(%[[SEND0]], %[[RECV0]], %[[N0]], %[[DT0]], %[[OP0]], %[[C0]]) : (!llvm.ptr, !llvm.ptr, i32, !llvm.ptr, !llvm.ptr, !llvm.ptr) -> i32

// MPI_MAX on memref<4xi64>
// CHECK: llvm.getelementptr %{{.*}}[%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, i64
// CHECK: %[[DT1:.*]] = llvm.mlir.addressof @ompi_mpi_int64_t : !llvm.ptr
// CHECK-NEXT: %[[OP1:.*]] = llvm.mlir.addressof @ompi_mpi_op_max : !llvm.ptr
// CHECK-NEXT: %[[C1:.*]] = llvm.inttoptr %[[COMM]] : i64 to !llvm.ptr
// CHECK-NEXT: llvm.call @MPI_Allreduce(%{{.*}}, %{{.*}}, %{{.*}}, %[[DT1]], %[[OP1]], %[[C1]])

// CHECK: llvm.mlir.addressof @ompi_mpi_double
// CHECK-NEXT: llvm.mlir.addressof @ompi_mpi_op_min
// CHECK: llvm.call @MPI_Allreduce
// CHECK: llvm.mlir.addressof @ompi_mpi_int64_t
// CHECK-NEXT: llvm.mlir.addressof @ompi_mpi_op_prod
// CHECK: llvm.call @MPI_Allreduce
// Booleans travel as int8.
// CHECK: llvm.mlir.addressof @ompi_mpi_int8_t
// CHECK-NEXT: llvm.mlir.addressof @ompi_mpi_op_land
// CHECK: llvm.call @MPI_Allreduce
// CHECK: llvm.mlir.addressof @ompi_mpi_int8_t
// CHECK-NEXT: llvm.mlir.addressof @ompi_mpi_op_lor
// CHECK: llvm.call @MPI_Allreduce
// CHECK: llvm.return
module attributes {dlti.map = #dlti.map<"MPI:Implementation" = "OpenMPI">} {
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
    mpi.allreduce(%fs, %fr, MPI_SUM, %comm) : memref<1xf64>, memref<1xf64>
    return
  }
}
