/* print.c - Python-identical printing of scalars to stdout. */

#include "nmrt_internal.h"

#include <inttypes.h>
#include <stdio.h>

void nmrt_print_i64(int64_t v) { printf("%" PRId64, v); }

void nmrt_print_f64(double v) {
  char buf[32];
  int n = nmrt_format_f64_repr(v, buf);
  fwrite(buf, 1, n, stdout);
}

void nmrt_print_bool(int8_t v) { fputs(v ? "True" : "False", stdout); }

void nmrt_print_str(const char *s) { fputs(s, stdout); }

void nmrt_print_list(nmrt_list *l) {
  if (!l) {
    fputs("None", stdout);
    return;
  }
  putchar('[');
  for (int64_t i = 0; i < l->length; ++i) {
    if (i > 0)
      fputs(", ", stdout);
    switch (l->elemKind) {
    case NMRT_ELEM_I64:
      nmrt_print_i64(((int64_t *)l->data)[i]);
      break;
    case NMRT_ELEM_F64:
      nmrt_print_f64(((double *)l->data)[i]);
      break;
    case NMRT_ELEM_BOOL:
      nmrt_print_bool(((int8_t *)l->data)[i]);
      break;
    case NMRT_ELEM_STR: {
      const char *s = ((const char **)l->data)[i];
      char quoted[256];
      size_t n = nmrt_str_repr(s, quoted, sizeof quoted);
      if (n < sizeof quoted) {
        fputs(quoted, stdout);
      } else {
        const char *longer = nmrt_str_repr_new(s);
        fputs(longer, stdout);
        nmrt_str_free(longer);
      }
      break;
    }
    }
  }
  putchar(']');
}

void nmrt_write(const char *text, int64_t stream) {
  fputs(text, stream == 2 ? stderr : stdout);
}

void nmrt_flush(int64_t stream) { fflush(stream == 2 ? stderr : stdout); }
