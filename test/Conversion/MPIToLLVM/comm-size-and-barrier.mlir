// --convert-nmc-to-llvm lowers mpi.comm_size and mpi.barrier (which upstream MLIR 22 leaves alone) to MPI_Comm_size / MPI_Barrier calls, for Open MPI and MPICH, with and without !mpi.retval.
// RUN: %nm-opt %s -split-input-file --convert-nmc-to-llvm --reconcile-unrealized-casts \
// RUN:   | FileCheck %s --implicit-check-not=mpi. --implicit-check-not=unrealized_conversion_cast

// Open MPI: the communicator is a pointer to ompi_mpi_comm_world.
// CHECK-DAG: llvm.func @MPI_Barrier(!llvm.ptr) -> i32
// CHECK-DAG: llvm.func @MPI_Comm_size(!llvm.ptr, !llvm.ptr) -> i32
// CHECK-DAG: llvm.mlir.global external @ompi_mpi_comm_world()
// The result slots are allocated in the entry block, not where the query is.
// CHECK-LABEL: llvm.func @openmpi() -> !llvm.struct<(i32, i32, i32)>
// CHECK-NEXT: %[[ONE2:.*]] = llvm.mlir.constant(1 : i32) : i32
// CHECK-NEXT: %[[SLOT2:.*]] = llvm.alloca %[[ONE2]] x i32 : (i32) -> !llvm.ptr
// CHECK-NEXT: %[[ONE:.*]] = llvm.mlir.constant(1 : i32) : i32
// CHECK-NEXT: %[[SLOT:.*]] = llvm.alloca %[[ONE]] x i32 : (i32) -> !llvm.ptr
// CHECK-NEXT: %[[W:.*]] = llvm.mlir.addressof @ompi_mpi_comm_world : !llvm.ptr
// CHECK-NEXT: %[[CI:.*]] = llvm.ptrtoint %[[W]] : !llvm.ptr to i64
// CHECK-NEXT: %[[C0:.*]] = llvm.inttoptr %[[CI]] : i64 to !llvm.ptr
// CHECK-NEXT: llvm.call @MPI_Comm_size(%[[C0]], %[[SLOT]]) : (!llvm.ptr, !llvm.ptr) -> i32
// CHECK-NEXT: %[[SIZE:.*]] = llvm.load %[[SLOT]] : !llvm.ptr -> i32
// CHECK-NEXT: %[[C1:.*]] = llvm.inttoptr %[[CI]] : i64 to !llvm.ptr
// CHECK-NEXT: llvm.call @MPI_Barrier(%[[C1]]) : (!llvm.ptr) -> i32
// With !mpi.retval the call's status is the retval.
// CHECK: %[[ERR:.*]] = llvm.call @MPI_Comm_size(%{{.*}}, %[[SLOT2]]) : (!llvm.ptr, !llvm.ptr) -> i32
// CHECK-NEXT: llvm.load %[[SLOT2]] : !llvm.ptr -> i32
// CHECK: %[[BERR:.*]] = llvm.call @MPI_Barrier(%{{.*}}) : (!llvm.ptr) -> i32
// CHECK: llvm.insertvalue %[[SIZE]], %{{.*}}[0]
// CHECK-NEXT: llvm.insertvalue %[[ERR]], %{{.*}}[1]
// CHECK-NEXT: llvm.insertvalue %[[BERR]], %{{.*}}[2]
// CHECK-NOT: llvm.func @MPI_Barrier
module attributes {dlti.map = #dlti.map<"MPI:Implementation" = "OpenMPI">} {
  func.func @openmpi() -> (i32, i32, i32) {
    %comm = mpi.comm_world : !mpi.comm
    %size = mpi.comm_size(%comm) : i32
    mpi.barrier(%comm)
    %err, %size2 = mpi.comm_size(%comm) : !mpi.retval, i32
    %berr = mpi.barrier(%comm) -> !mpi.retval
    %r0 = builtin.unrealized_conversion_cast %err : !mpi.retval to i32
    %r1 = builtin.unrealized_conversion_cast %berr : !mpi.retval to i32
    return %size, %r0, %r1 : i32, i32, i32
  }
}

// -----

// MPICH: the communicator is the int handle 0x44000000.
// CHECK-DAG: llvm.func @MPI_Barrier(i32) -> i32
// CHECK-DAG: llvm.func @MPI_Comm_size(i32, !llvm.ptr) -> i32
// CHECK-LABEL: llvm.func @mpich() -> i32
// CHECK-NEXT: %[[ONE:.*]] = llvm.mlir.constant(1 : i32) : i32
// CHECK-NEXT: %[[SLOT:.*]] = llvm.alloca %[[ONE]] x i32 : (i32) -> !llvm.ptr
// CHECK-NEXT: %[[W:.*]] = llvm.mlir.constant(1140850688 : i64) : i64
// CHECK-NEXT: %[[C0:.*]] = llvm.trunc %[[W]] : i64 to i32
// CHECK-NEXT: llvm.call @MPI_Comm_size(%[[C0]], %[[SLOT]]) : (i32, !llvm.ptr) -> i32
// CHECK-NEXT: %[[SIZE:.*]] = llvm.load %[[SLOT]] : !llvm.ptr -> i32
// CHECK-NEXT: %[[C1:.*]] = llvm.trunc %[[W]] : i64 to i32
// CHECK-NEXT: llvm.call @MPI_Barrier(%[[C1]]) : (i32) -> i32
// CHECK-NEXT: llvm.return %[[SIZE]] : i32
module attributes {dlti.map = #dlti.map<"MPI:Implementation" = "MPICH">} {
  func.func @mpich() -> i32 {
    %comm = mpi.comm_world : !mpi.comm
    %size = mpi.comm_size(%comm) : i32
    mpi.barrier(%comm)
    return %size : i32
  }
}
