/* nmrt.h - the nmc runtime library, called by compiled programs (C ABI).
 *
 * The functions compiled code calls are listed, with their documentation,
 * in nmrt_functions.def, which the compiler reads too.
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

/* The types of the runtime's ABI, as nmrt_functions.def names them. */
typedef void nmrt_void;
typedef int64_t nmrt_i64;
typedef double nmrt_f64;
typedef int8_t nmrt_bool;
typedef const char *nmrt_str;
typedef const double *nmrt_f64_ptr;
/* Lists: an opaque heap-allocated handle to a homogeneous list of scalars.
 * A NULL handle is Python's None. */
typedef struct nmrt_list nmrt_list;
typedef nmrt_list *nmrt_list_ref;
enum {
  NMRT_ELEM_I64 = 0,
  NMRT_ELEM_F64 = 1,
  NMRT_ELEM_BOOL = 2,
  NMRT_ELEM_STR = 3
};
/* Reduction operators, numbered as the nm dialect's ReduceKind. */
enum {
  NMRT_OP_SUM = 0,
  NMRT_OP_PROD = 1,
  NMRT_OP_MAX = 2,
  NMRT_OP_MIN = 3,
  NMRT_OP_LAND = 4,
  NMRT_OP_LOR = 5
};

/* Every function compiled code calls, from the table the compiler uses. */
#define NMRT_FUNCTION(name, result, parameters) result name parameters;
#define NMRT_NORETURN_FUNCTION(name, result, parameters)                       \
  NMRT_NORETURN result name parameters;
#include "nmrt_functions.def"

/* For the runtime's own use and its tests. */

/* Writes Python's repr(v) into buf (at least 32 bytes), NUL-terminated;
 * returns its length. */
int nmrt_format_f64_repr(double v, char *buf);
/* Formats a value as format(value, spec) does: kind is an NMRT_FORMAT_*
 * code and the value is i (int, bool), f (float) or s (str); None needs
 * none. Returns NULL and sets *result to a new string, or returns the
 * error ("ValueError: Unknown format code 'x' for object of type 'float'"). */
enum {
  NMRT_FORMAT_INT = 0,
  NMRT_FORMAT_FLOAT = 1,
  NMRT_FORMAT_BOOL = 2,
  NMRT_FORMAT_STR = 3,
  NMRT_FORMAT_NONE = 4
};
const char *nmrt_try_format(int kind, int64_t i, double f, const char *s,
                            const char *spec, char **result);
/* None where a list was expected (comm.gather's result on non-root ranks). */
nmrt_list *nmrt_list_none(void);

#ifdef __cplusplus
}
#endif

#endif /* NMRT_H */
