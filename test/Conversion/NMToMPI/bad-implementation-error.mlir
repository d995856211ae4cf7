// --convert-nm-to-mpi rejects an mpi-implementation other than OpenMPI or MPICH, and leaves the nm ops alone.
// RUN: not %nm-opt %s --convert-nm-to-mpi=mpi-implementation=IntelMPI 2>&1 | FileCheck %s
// RUN: not %nm-opt %s --convert-nm-to-mpi=mpi-implementation=openmpi 2>&1 | FileCheck %s --check-prefix=CASE

// CHECK: error: unknown MPI implementation 'IntelMPI' (expected OpenMPI or MPICH)
// CHECK-NOT: mpi.barrier
// CASE: error: unknown MPI implementation 'openmpi' (expected OpenMPI or MPICH)
func.func @f() {
  %c = nm.comm_world
  nm.barrier %c
  return
}
