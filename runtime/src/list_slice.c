/* list_slice.c - l[start:stop:step] as a new list, and assignment to a
 * slice. The compiled code clamps the bounds as CPython's
 * PySlice_AdjustIndices does (the same code as for arrays) and passes the
 * first position, the element count and the step. */

#include "nmrt_internal.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

nmrt_list *nmrt_list_slice(nmrt_list *l, int64_t start, int64_t length,
                           int64_t step, int64_t line) {
  (void)line;
  nmrt_list *r = nmrt_list_new(l->elemKind, length);
  size_t size = nmrt_list_elem_size(l->elemKind);
  for (int64_t i = 0; i < length; ++i)
    memcpy((char *)r->data + size * (size_t)i,
           (const char *)l->data + size * (size_t)(start + i * step), size);
  return r;
}

void nmrt_list_set_slice(nmrt_list *l, int64_t start, int64_t length,
                         int64_t step, nmrt_list *values, int64_t line) {
  if (!values)
    nmrt_raise("TypeError", "can only assign an iterable", line);
  size_t size = nmrt_list_elem_size(l->elemKind);
  int64_t count = values->length;
  if (step != 1 && count != length) {
    char message[160];
    snprintf(message, sizeof message,
             "attempt to assign sequence of size %" PRId64
             " to extended slice of size %" PRId64,
             count, length);
    nmrt_raise("ValueError", message, line);
  }
  /* `l[a:b] = l` reads the values as they were. */
  size_t bytes = size * (size_t)count;
  char *from = malloc(bytes ? bytes : 1);
  if (!from)
    nmrt_raise("MemoryError", "", line);
  memcpy(from, values->data, bytes);
  if (step != 1) {
    for (int64_t i = 0; i < count; ++i)
      memcpy((char *)l->data + size * (size_t)(start + i * step),
             from + size * (size_t)i, size);
    free(from);
    return;
  }
  /* A simple slice is replaced by the values, whatever their number. */
  int64_t newLength = l->length - length + count;
  if (newLength > l->capacity) {
    void *grown = realloc(l->data, size * (size_t)newLength);
    if (!grown)
      nmrt_raise("MemoryError", "", line);
    l->data = grown;
    l->capacity = newLength;
  }
  char *data = l->data;
  int64_t tail = start + length;
  memmove(data + size * (size_t)(start + count), data + size * (size_t)tail,
          size * (size_t)(l->length - tail));
  memcpy(data + size * (size_t)start, from, bytes);
  l->length = newLength;
  free(from);
}
