// Checks the runtime's format-spec mini-language (format(), f-strings)
// against CPython's format() on 100,000 generated value/spec pairs of int,
// float, bool, str and None: results and error messages.
//
// RUN: %cc -I%nmrt_include %s %nmrt_lib -lm -o %t
// RUN: %python %S/Inputs/format_cases.py %t.cases %t.expected
// The program calls no MPI, so it runs without mpirun: Open MPI 4.1's
// mpirun once crashed forwarding these 100,000 lines of stdin (a SEGV in
// orte_iof_hnp_read_local_handler, in a CI run).
// RUN: %t < %t.cases > %t.out
// RUN: diff %t.expected %t.out

#include "nmrt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char line[4096];
  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\n")] = '\0';
    char *value = strchr(line, '\t');
    char *spec = value ? strchr(value + 1, '\t') : NULL;
    if (!spec) {
      fprintf(stderr, "bad case line: %s\n", line);
      return 1;
    }
    *value++ = '\0';
    *spec++ = '\0';
    int kind;
    int64_t i = 0;
    double f = 0.0;
    switch (line[0]) {
    case 'i':
      kind = NMRT_FORMAT_INT;
      i = strtoll(value, NULL, 10);
      break;
    case 'b':
      kind = NMRT_FORMAT_BOOL;
      i = strtoll(value, NULL, 10);
      break;
    case 'f':
      kind = NMRT_FORMAT_FLOAT;
      f = strtod(value, NULL);
      break;
    case 's':
      kind = NMRT_FORMAT_STR;
      break;
    default:
      kind = NMRT_FORMAT_NONE;
      break;
    }
    char *result = NULL;
    const char *error = nmrt_try_format(kind, i, f, value, spec, &result);
    if (error) {
      printf("ERR %s\n", error);
    } else {
      printf("%s\n", result);
      free(result);
    }
  }
  return 0;
}
