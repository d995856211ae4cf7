/* exit.c - how a rank ends: at the end of the program, or by sys.exit /
 * raise SystemExit, with Python's exit status and without hanging the job.
 *
 * Under Python a rank that calls sys.exit runs MPI_Finalize at exit, which
 * waits for the other ranks; if they wait for it in a collective, the job
 * hangs. Here every rank that ends joins a non-blocking barrier on a
 * communicator of its own (so it cannot match the program's collectives).
 * A rank that exits waits for it with a deadline: if it passes, the others
 * are taken to be stuck and the job is aborted with the exit status. */

/* nanosleep. */
#define _POSIX_C_SOURCE 200809L

#include "nmrt_internal.h"

#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static MPI_Comm exitComm = MPI_COMM_NULL;

void nmrt_exit_init(void) { MPI_Comm_dup(MPI_COMM_WORLD, &exitComm); }

/* NMC_EXIT_TIMEOUT, in seconds; 10 if unset or not a number. */
static double exitTimeout(void) {
  const char *text = getenv("NMC_EXIT_TIMEOUT");
  char *end = NULL;
  double seconds = text ? strtod(text, &end) : 0.0;
  return text && end != text && seconds >= 0.0 ? seconds : 10.0;
}

/* Whether every rank has ended within `timeout` seconds (a negative
 * timeout waits as long as it takes). */
static int everyRankEnded(double timeout) {
  MPI_Request request;
  MPI_Ibarrier(exitComm, &request);
  if (timeout < 0.0) {
    MPI_Wait(&request, MPI_STATUS_IGNORE);
    return 1;
  }
  double deadline = nmrt_perf_counter() + timeout;
  for (;;) {
    int done = 0;
    MPI_Test(&request, &done, MPI_STATUS_IGNORE);
    if (done)
      return 1;
    if (nmrt_perf_counter() > deadline)
      return 0;
    struct timespec pause = {0, 1000000}; /* 1 ms */
    nanosleep(&pause, NULL);
  }
}

void nmrt_finish(void) {
  /* Before MPI_Finalize, after which the launcher may stop forwarding our
   * output. */
  fflush(stdout);
  everyRankEnded(-1.0);
  MPI_Finalize();
}

void nmrt_exit(int64_t code) {
  fflush(stdout);
  fflush(stderr);
  int status = (int)code;
  double timeout = exitTimeout();
  if (!everyRankEnded(timeout)) {
    int rank = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    char text[160];
    int n = snprintf(text, sizeof text,
                     "rank %d exited with status %d; the other ranks had not "
                     "ended after %g s: the job is aborted\n",
                     rank, status, timeout);
    nmrt_write_stderr(text, n > 0 ? (size_t)n : 0);
    MPI_Abort(MPI_COMM_WORLD, status);
  }
  MPI_Finalize();
  exit(status);
}

void nmrt_exit_message(const char *message) {
  fflush(stdout);
  size_t n = strlen(message);
  char *line = malloc(n + 1);
  if (line) {
    memcpy(line, message, n);
    line[n] = '\n';
    nmrt_write_stderr(line, n + 1);
    free(line);
  }
  nmrt_exit(1);
}
