/* errors.c - runtime errors: Python's message with the rank and source line
 * on stderr, then MPI_Abort so that mpirun never hangs on the other ranks. */

/* write(2) and STDERR_FILENO. */
#define _POSIX_C_SOURCE 200809L

#include "nmrt_internal.h"

#include <inttypes.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *sourceName = "<unknown>";

void nmrt_write_stderr(const char *text, size_t n) {
  fflush(stderr);
  for (size_t done = 0; done < n;) {
    ssize_t w = write(STDERR_FILENO, text + done, n - done);
    if (w <= 0)
      break;
    done += (size_t)w;
  }
}

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

  /* One write for the whole message, so that nothing (mpirun's abort
   * banner, another rank) can land between its lines. */
  char text[4096];
  char lineText[32] = "";
  if (line > 0)
    snprintf(lineText, sizeof lineText, ", line %" PRId64, line);
  int n = snprintf(text, sizeof text, "File \"%s\"%s, on rank %d\n%s%s%s\n",
                   sourceName, lineText, rank, excName,
                   message[0] != '\0' ? ": " : "", message);
  if (n < 0)
    n = 0;
  if ((size_t)n >= sizeof text)
    n = sizeof text - 1;
  nmrt_write_stderr(text, (size_t)n);

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

/* NumPy's _size_to_string: the largest binary unit that keeps the value
 * below 1024, with three significant digits. */
static void sizeToString(double bytes, char *out, size_t size) {
  static const char *const units[] = {"bytes", "KiB", "MiB", "GiB",
                                      "TiB",   "PiB", "EiB"};
  int unit = 0;
  while (unit < 6 && bytes >= 1024.0 * (double)(1ULL << (10 * unit)))
    ++unit;
  if (unit == 0) {
    snprintf(out, size, "%.0f bytes", bytes);
    return;
  }
  double value = bytes / (double)(1ULL << (10 * unit));
  /* 1023.9 KiB rounds to 1.02e+03 in %.3g: NumPy moves to the next unit. */
  if (value >= 1023.5 && unit < 6) {
    ++unit;
    value /= 1024.0;
  }
  snprintf(out, size, "%.3g %s", value, units[unit]);
}

void nmrt_memory_error(int64_t elements, int64_t itemsize, const char *dtype,
                       const char *shape, int64_t line) {
  char amount[32];
  sizeToString((double)elements * (double)itemsize, amount, sizeof amount);
  char message[512];
  snprintf(message, sizeof message,
           "Unable to allocate %s for an array with shape %s and data type %s",
           amount, shape, dtype);
  nmrt_raise("MemoryError", message, line);
}
