/* print.c - Python-identical printing of scalars and lists to stdout, and
 * repr() of a list as a string. */

/* open_memstream is POSIX 2008. */
#define _POSIX_C_SOURCE 200809L

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

/* Python's repr() of a list (str() is the same), written to `out`. */
static void writeList(FILE *out, const nmrt_list *l) {
  if (!l) {
    fputs("None", out);
    return;
  }
  fputc('[', out);
  for (int64_t i = 0; i < l->length; ++i) {
    if (i > 0)
      fputs(", ", out);
    switch (l->elemKind) {
    case NMRT_ELEM_I64:
      fprintf(out, "%" PRId64, ((int64_t *)l->data)[i]);
      break;
    case NMRT_ELEM_F64: {
      char buf[32];
      int n = nmrt_format_f64_repr(((double *)l->data)[i], buf);
      fwrite(buf, 1, (size_t)n, out);
      break;
    }
    case NMRT_ELEM_BOOL:
      fputs(((int8_t *)l->data)[i] ? "True" : "False", out);
      break;
    case NMRT_ELEM_STR: {
      const char *quoted = nmrt_str_repr_new(((const char **)l->data)[i]);
      fputs(quoted, out);
      nmrt_str_free(quoted);
      break;
    }
    }
  }
  fputc(']', out);
}

void nmrt_print_list(nmrt_list *l) { writeList(stdout, l); }

const char *nmrt_list_repr_new(nmrt_list *l) {
  char *text = NULL;
  size_t size = 0;
  FILE *out = open_memstream(&text, &size);
  if (!out)
    nmrt_raise("MemoryError", "", 0);
  writeList(out, l);
  if (fclose(out) != 0 || !text)
    nmrt_raise("MemoryError", "", 0);
  return text;
}

void nmrt_write(const char *text, int64_t stream) {
  fputs(text, stream == 2 ? stderr : stdout);
}

void nmrt_flush(int64_t stream) { fflush(stream == 2 ? stderr : stdout); }
