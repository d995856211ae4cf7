/* main.c - the process entry point: MPI start-up, the compiled program's
 * __nmc_main, and shutdown. */

#include "nmrt_internal.h"

#include <mpi.h>
#include <stdio.h>

/* Python fully buffers stdout when it is a pipe, as it is under mpirun; a
 * large buffer keeps print-heavy loops from making a syscall per line. */
static char stdoutBuffer[1 << 16];

int main(int argc, char **argv) {
  setvbuf(stdout, stdoutBuffer, _IOFBF, sizeof stdoutBuffer);
  MPI_Init(&argc, &argv);
  __nmc_main();
  /* Flush before MPI_Finalize, after which the launcher may stop forwarding
   * our output. */
  fflush(stdout);
  MPI_Finalize();
  return 0;
}

double nmrt_wtime(void) { return MPI_Wtime(); }
