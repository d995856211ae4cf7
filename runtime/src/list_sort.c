/* list_sort.c - l.sort() and sorted(): a stable merge sort that compares
 * with `<` only, so that it orders every list as CPython's sort does
 * (equal elements keep their order; reverse=True as CPython does it:
 * reverse, sort, reverse). */

#include "nmrt_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Whether element i of `keys` is less than element j, as Python's `<`. */
static int keyLess(const nmrt_list *keys, int64_t i, int64_t j) {
  switch (keys->elemKind) {
  case NMRT_ELEM_F64:
    return ((const double *)keys->data)[i] < ((const double *)keys->data)[j];
  case NMRT_ELEM_BOOL:
    return ((const int8_t *)keys->data)[i] < ((const int8_t *)keys->data)[j];
  case NMRT_ELEM_STR:
    /* strcmp compares bytes as unsigned char: UTF-8 in code point order. */
    return strcmp(((const char *const *)keys->data)[i],
                  ((const char *const *)keys->data)[j]) < 0;
  default:
    return ((const int64_t *)keys->data)[i] < ((const int64_t *)keys->data)[j];
  }
}

/* Sorts order[0, n) (positions in keys) stably by their keys; `scratch`
 * holds n positions. */
static void mergeSort(const nmrt_list *keys, int64_t *order, int64_t *scratch,
                      int64_t n) {
  if (n < 2)
    return;
  int64_t half = n / 2;
  mergeSort(keys, order, scratch, half);
  mergeSort(keys, order + half, scratch, n - half);
  int64_t a = 0, b = half, out = 0;
  /* The left run's element goes first unless the right one is less. */
  while (a < half && b < n)
    scratch[out++] =
        keyLess(keys, order[b], order[a]) ? order[b++] : order[a++];
  while (a < half)
    scratch[out++] = order[a++];
  while (b < n)
    scratch[out++] = order[b++];
  memcpy(order, scratch, sizeof(int64_t) * (size_t)n);
}

static void reversePositions(int64_t *order, int64_t n) {
  for (int64_t i = 0, j = n - 1; i < j; ++i, --j) {
    int64_t t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
}

void nmrt_list_sort(nmrt_list *l, nmrt_list *keys, int8_t reverse,
                    int64_t line) {
  if (!l)
    nmrt_raise("AttributeError", "'NoneType' object has no attribute 'sort'",
               line);
  if (!keys)
    keys = l;
  int64_t n = l->length;
  if (keys->length != n)
    nmrt_raise("ValueError", "list modified during sort", line);
  int64_t *order = malloc(sizeof(int64_t) * (size_t)(n ? n : 1));
  int64_t *scratch = malloc(sizeof(int64_t) * (size_t)(n ? n : 1));
  size_t size = nmrt_list_elem_size(l->elemKind);
  char *sorted = malloc(size * (size_t)(n ? n : 1));
  if (!order || !scratch || !sorted)
    nmrt_raise("MemoryError", "", line);
  for (int64_t i = 0; i < n; ++i)
    order[i] = i;
  if (reverse)
    reversePositions(order, n);
  mergeSort(keys, order, scratch, n);
  if (reverse)
    reversePositions(order, n);
  for (int64_t i = 0; i < n; ++i)
    memcpy(sorted + size * (size_t)i,
           (const char *)l->data + size * (size_t)order[i], size);
  memcpy(l->data, sorted, size * (size_t)n);
  free(sorted);
  free(scratch);
  free(order);
}
