/* errors.c - runtime errors: Python's message with the rank and source line
 * on stderr, then MPI_Abort so that mpirun never hangs on the other ranks. */

#include "nmrt.h"

#include <inttypes.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

static const char *sourceName = "<unknown>";

void nmrt_set_source_name(const char *file) { sourceName = file; }

void nmrt_raise(const char *excName, const char *message, int64_t line) {
  /* What the program printed before the error comes first, as in Python. */
  fflush(stdout);

  int initialized = 0, finalized = 0, rank = 0;
  MPI_Initialized(&initialized);
  MPI_Finalized(&finalized);
  int mpiUp = initialized && !finalized;
  if (mpiUp)
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);

  fprintf(stderr, "File \"%s\"", sourceName);
  if (line > 0)
    fprintf(stderr, ", line %" PRId64, line);
  fprintf(stderr, ", on rank %d\n", rank);
  if (message[0] != '\0')
    fprintf(stderr, "%s: %s\n", excName, message);
  else
    fprintf(stderr, "%s\n", excName);
  fflush(stderr);

  if (mpiUp)
    MPI_Abort(MPI_COMM_WORLD, 1);
  /* Outside MPI's lifetime, or if MPI_Abort were to return. */
  exit(1);
}

void nmrt_index_error(int64_t index, int64_t axis, int64_t size, int64_t line) {
  char message[128];
  snprintf(message, sizeof message,
           "index %" PRId64 " is out of bounds for axis %" PRId64
           " with size %" PRId64,
           index, axis, size);
  nmrt_raise("IndexError", message, line);
}
