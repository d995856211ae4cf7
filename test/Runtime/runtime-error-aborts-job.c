// Checks that a runtime error on one rank prints Python's message with the
// file, line and rank, keeps what was printed before it, and aborts the whole
// job instead of leaving the other rank waiting in a collective.
//
// RUN: %cc -I%nmrt_include %s %nmrt_lib -o %t
// RUN: not %mpirun -n 2 %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=ERR < %t.err
// RUN: FileCheck %s --check-prefix=OUT < %t.out

#include "nmrt.h"

#include <mpi.h>

// ERR: File "prog.npy", line 7, on rank 1
// ERR-NEXT: ZeroDivisionError: division by zero
// OUT: before the error on rank 1
// OUT-NOT: after

void __nmc_main(void) {
  nmrt_set_source_name("prog.npy");
  int rank;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  if (rank == 1) {
    nmrt_print_str("before the error on rank 1\n");
    nmrt_raise("ZeroDivisionError", "division by zero", 7);
  }
  // Rank 0 would wait here forever if rank 1 did not abort the job.
  MPI_Barrier(MPI_COMM_WORLD);
  nmrt_print_str("after\n");
}
