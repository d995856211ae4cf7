/* nmrt.h - the nmc runtime library, called by compiled programs (C ABI).
 *
 * Bools are int8_t (0 or 1), ints are int64_t, floats are double. `line`
 * arguments are 1-based source lines of the .npy program; a line <= 0 means
 * "unknown" and is left out of error messages.
 */
#ifndef NMRT_H
#define NMRT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NMRT_NORETURN __attribute__((noreturn))

/* Entry point. The compiled program defines __nmc_main; the runtime defines
 * main(), which initialises MPI, calls __nmc_main, flushes stdout and
 * finalises MPI. */
void __nmc_main(void);

/* Printing to stdout, identical to Python's print of each value. print(a, b)
 * is compiled into one call per value plus nmrt_print_str for sep and end. */
void nmrt_print_i64(int64_t v);
/* repr(float): shortest round-trip digits (0.1, 1e-05, 1e+16, -0.0, inf). */
void nmrt_print_f64(double v);
/* True / False. */
void nmrt_print_bool(int8_t v);
/* A NUL-terminated string, printed raw. */
void nmrt_print_str(const char *s);
/* None. */
void nmrt_print_none(void);

/* Writes Python's repr(v) into buf (at least 32 bytes), NUL-terminated;
 * returns its length. */
int nmrt_format_f64_repr(double v, char *buf);

/* Lists: an opaque heap-allocated handle to a homogeneous list of scalars.
 * A NULL handle is Python's None. */
typedef struct nmrt_list nmrt_list;
enum { NMRT_ELEM_I64 = 0, NMRT_ELEM_F64 = 1, NMRT_ELEM_BOOL = 2 };

/* A zero-filled list of `length` elements of kind `elemKind` (NMRT_ELEM_*);
 * a negative length gives an empty list, as [x] * n does in Python. */
nmrt_list *nmrt_list_new(int64_t elemKind, int64_t length);
/* None where a list was expected (comm.gather's result on non-root ranks). */
nmrt_list *nmrt_list_none(void);
/* len(l); TypeError when l is None. */
int64_t nmrt_list_len(nmrt_list *l, int64_t line);
/* The trip count of `for x in l`; TypeError "not iterable" when l is None. */
int64_t nmrt_list_iter_len(nmrt_list *l, int64_t line);
/* l[i] with Python indexing (negative i counts from the end); IndexError when
 * out of range, TypeError when l is None. */
double nmrt_list_get_f64(nmrt_list *l, int64_t i, int64_t line);
int64_t nmrt_list_get_i64(nmrt_list *l, int64_t i, int64_t line);
int8_t nmrt_list_get_bool(nmrt_list *l, int64_t i, int64_t line);
/* l[i] = v, with the same checks. */
void nmrt_list_set_f64(nmrt_list *l, int64_t i, double v, int64_t line);
void nmrt_list_set_i64(nmrt_list *l, int64_t i, int64_t v, int64_t line);
void nmrt_list_set_bool(nmrt_list *l, int64_t i, int8_t v, int64_t line);
/* print(l): [1.0, 2.5], [1, 2], [True, False], [] or None. */
void nmrt_print_list(nmrt_list *l);

/* Collectives on MPI_COMM_WORLD. gather returns the size() values in rank
 * order at root and None elsewhere; allgather returns them everywhere. A root
 * outside [0, size) raises mpi4py's "Exception: MPI_ERR_ROOT: invalid root". */
nmrt_list *nmrt_gather_f64(double v, int64_t root);
nmrt_list *nmrt_gather_i64(int64_t v, int64_t root);
nmrt_list *nmrt_gather_bool(int8_t v, int64_t root);
nmrt_list *nmrt_allgather_f64(double v);
nmrt_list *nmrt_allgather_i64(int64_t v);
nmrt_list *nmrt_allgather_bool(int8_t v);

/* comm.bcast(v, root=root): the root's value on every rank (one MPI_Bcast);
 * a root outside [0, size) raises like gather. */
double nmrt_bcast_f64(double v, int64_t root);
int64_t nmrt_bcast_i64(int64_t v, int64_t root);
int8_t nmrt_bcast_bool(int8_t v, int64_t root);

/* Runtime errors. They flush stdout, print to stderr
 *   File "<file>", line <line>, on rank <r>
 *   <excName>: <message>
 * and MPI_Abort the whole job with exit code 1. */

/* The .npy source path used in error messages; the compiled program sets it
 * once, first. The string must outlive the program (a literal). */
void nmrt_set_source_name(const char *file);
/* Raises excName; an empty message prints just the name (AssertionError). */
NMRT_NORETURN void nmrt_raise(const char *excName, const char *message,
                              int64_t line);
/* NumPy's "index 10 is out of bounds for axis 0 with size 10". */
NMRT_NORETURN void nmrt_index_error(int64_t index, int64_t axis, int64_t size,
                                    int64_t line);

/* MPI.Wtime(). */
double nmrt_wtime(void);

#ifdef __cplusplus
}
#endif

#endif /* NMRT_H */
