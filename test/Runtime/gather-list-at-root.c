// Checks that comm.gather returns the values in rank order at the root and
// None elsewhere, and that comm.allgather returns them on every rank.
//
// RUN: %cc -I%nmrt_include %s %nmrt_lib -o %t
// RUN: %mpirun -n 3 %t | sort | FileCheck %s

#include "nmrt.h"

#include <mpi.h>

// Ranks print concurrently, so each line starts with its rank and is sorted.
// CHECK:      0 all [0, 10, 20] [0.0, 0.5, 1.0] [True, False, True]
// CHECK-NEXT: 0 gather0 [0, 1, 2]
// CHECK-NEXT: 0 gather1 None
// CHECK-NEXT: 0 gather2 None
// CHECK-NEXT: 1 all [0, 10, 20] [0.0, 0.5, 1.0] [True, False, True]
// CHECK-NEXT: 1 gather0 None
// CHECK-NEXT: 1 gather1 [0.5, 1.5, 2.5]
// CHECK-NEXT: 1 gather2 None
// CHECK-NEXT: 2 all [0, 10, 20] [0.0, 0.5, 1.0] [True, False, True]
// CHECK-NEXT: 2 gather0 None
// CHECK-NEXT: 2 gather1 None
// CHECK-NEXT: 2 gather2 [False, True, False]

static int rank;

static void printLine(const char *what, nmrt_list *l) {
  nmrt_print_i64(rank);
  nmrt_print_str(" ");
  nmrt_print_str(what);
  nmrt_print_str(" ");
  nmrt_print_list(l);
  nmrt_print_str("\n");
}

void __nmc_main(void) {
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);

  printLine("gather0", nmrt_gather_i64(rank, 0));
  printLine("gather1", nmrt_gather_f64(rank + 0.5, 1));
  printLine("gather2", nmrt_gather_bool(rank == 1, 2));

  nmrt_print_i64(rank);
  nmrt_print_str(" all ");
  nmrt_print_list(nmrt_allgather_i64(rank * 10));
  nmrt_print_str(" ");
  nmrt_print_list(nmrt_allgather_f64(rank * 0.5));
  nmrt_print_str(" ");
  nmrt_print_list(nmrt_allgather_bool(rank != 1));
  nmrt_print_str("\n");
}
