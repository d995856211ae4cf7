/* main.c - the process entry point: MPI start-up, the compiled program's
 * __nmc_main, and shutdown. */

#include "nmrt_internal.h"

#include <mpi.h>
#include <stdio.h>

/* Python fully buffers stdout when it is a pipe, as it is under mpirun; a
 * large buffer keeps print-heavy loops from making a syscall per line. */
static char stdoutBuffer[1 << 16];

/* The command line, for sys.argv. */
static int savedArgc;
static char **savedArgv;

nmrt_list *nmrt_argv(void) {
  static nmrt_list *argvList;
  if (!argvList) {
    argvList = nmrt_list_new(NMRT_ELEM_STR, savedArgc);
    for (int i = 0; i < savedArgc; ++i)
      nmrt_list_set_str(argvList, i, savedArgv[i], 0);
  }
  return argvList;
}

int main(int argc, char **argv) {
  setvbuf(stdout, stdoutBuffer, _IOFBF, sizeof stdoutBuffer);
  MPI_Init(&argc, &argv);
  savedArgc = argc;
  savedArgv = argv;
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  nmrt_install_fatal_signal_handlers(rank);
  nmrt_exit_init();
  __nmc_main();
  nmrt_finish();
  return 0;
}

double nmrt_wtime(void) { return MPI_Wtime(); }
