/* nmrt_internal.h - state and helpers shared between the runtime's files,
 * not part of the ABI seen by compiled programs. */
#ifndef NMRT_INTERNAL_H
#define NMRT_INTERNAL_H

#include "nmrt.h"

#include <stddef.h>

struct nmrt_list {
  int64_t elemKind;
  int64_t length;
  /* Elements the data can hold before append must grow it. */
  int64_t capacity;
  /* length elements of the C type for elemKind; bools are one byte each so
   * that MPI can gather straight into the list. */
  void *data;
};

/* The bytes one element of a list of `elemKind` takes. */
static inline size_t nmrt_list_elem_size(int64_t elemKind) {
  return elemKind == NMRT_ELEM_BOOL ? sizeof(int8_t) : sizeof(int64_t);
}

/* Makes SIGSEGV, SIGBUS, SIGILL, SIGFPE and SIGABRT print one line with
 * the rank and end the process (and so the job). Called after MPI_Init so
 * that it replaces MPI's handlers. */
void nmrt_install_fatal_signal_handlers(int rank);

/* Writes n bytes of text to stderr with write(2), after flushing stdio's
 * stderr: one message is one write, so that nothing (mpirun's abort
 * banner, another rank) lands inside it. */
void nmrt_write_stderr(const char *text, size_t n);

/* Writes Python's repr() of s (quoted, with backslash escapes) into out,
 * NUL-terminated and cut to size; returns the length of the whole repr. */
size_t nmrt_str_repr(const char *s, char *out, size_t size);

/* The communicator the ranks' exit barrier uses (exit.c); after MPI_Init. */
void nmrt_exit_init(void);
/* The end of the program: wait for every rank to end, then MPI_Finalize. */
void nmrt_finish(void);

#endif /* NMRT_INTERNAL_H */
