// --convert-nm-to-mpi turns comm_world/rank/size/barrier into mpi ops (rank and size widened to i64) and records the MPI implementation in dlti.map.
// RUN: %nm-opt %s -split-input-file --convert-nm-to-mpi | FileCheck %s --check-prefixes=CHECK,OMPI
// RUN: %nm-opt %s -split-input-file --convert-nm-to-mpi=mpi-implementation=OpenMPI | FileCheck %s --check-prefixes=CHECK,OMPI
// RUN: %nm-opt %s -split-input-file --convert-nm-to-mpi=mpi-implementation=MPICH | FileCheck %s --check-prefixes=CHECK,MPICH

// OMPI: module attributes {dlti.map = #dlti.map<"MPI:Implementation" = "OpenMPI">}
// MPICH: module attributes {dlti.map = #dlti.map<"MPI:Implementation" = "MPICH">}
// CHECK-LABEL: func.func @rank_size_barrier() -> (i64, i64)
// CHECK-NEXT: %[[C:.*]] = mpi.comm_world : !mpi.comm
// CHECK-NEXT: %[[R:.*]] = mpi.comm_rank(%[[C]]) : i32
// CHECK-NEXT: %[[R64:.*]] = arith.extsi %[[R]] : i32 to i64
// CHECK-NEXT: %[[S:.*]] = mpi.comm_size(%[[C]]) : i32
// CHECK-NEXT: %[[S64:.*]] = arith.extsi %[[S]] : i32 to i64
// CHECK-NEXT: mpi.barrier(%[[C]])
// CHECK-NEXT: return %[[R64]], %[[S64]] : i64, i64
// CHECK-NOT: nm.
func.func @rank_size_barrier() -> (i64, i64) {
  %c = nm.comm_world
  %r = nm.rank %c
  %s = nm.size %c
  nm.barrier %c
  return %r, %s : i64, i64
}

// -----

// A dlti.map already on the module wins over the option.
// CHECK: module attributes {dlti.map = #dlti.map<"MPI:Implementation" = "KeepMe">}
// CHECK-NOT: "OpenMPI"
// CHECK-NOT: "MPICH"
// CHECK-LABEL: func.func @existing_map_kept
// CHECK: mpi.barrier
module attributes {dlti.map = #dlti.map<"MPI:Implementation" = "KeepMe">} {
  func.func @existing_map_kept() {
    %c = nm.comm_world
    nm.barrier %c
    return
  }
}
