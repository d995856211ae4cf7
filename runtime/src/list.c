/* list.c - list handles: homogeneous lists of scalars with Python's indexing
 * and Python's errors. A NULL handle is None. */

#include "nmrt_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static size_t elemSize(int64_t elemKind) {
  return elemKind == NMRT_ELEM_BOOL ? sizeof(int8_t) : sizeof(int64_t);
}

nmrt_list *nmrt_list_new(int64_t elemKind, int64_t length) {
  if (length < 0)
    length = 0;
  /* The elements apart from the header, so that append can grow them. */
  nmrt_list *l = malloc(sizeof(nmrt_list));
  int64_t capacity = length > 4 ? length : 4;
  void *data = calloc((size_t)capacity, elemSize(elemKind));
  if (!l || !data)
    nmrt_raise("MemoryError", "", 0);
  l->elemKind = elemKind;
  l->length = length;
  l->capacity = capacity;
  l->data = data;
  return l;
}

/* Room for one more element at the end, as append needs. */
static void *appendSlot(nmrt_list *l, int64_t line) {
  if (!l)
    nmrt_raise("AttributeError", "'NoneType' object has no attribute 'append'",
               line);
  size_t size = elemSize(l->elemKind);
  if (l->length == l->capacity) {
    int64_t capacity = 2 * l->capacity;
    void *grown = realloc(l->data, (size_t)capacity * size);
    if (!grown)
      nmrt_raise("MemoryError", "", line);
    l->data = grown;
    l->capacity = capacity;
  }
  return (char *)l->data + size * (size_t)l->length++;
}

void nmrt_list_append_f64(nmrt_list *l, double v, int64_t line) {
  *(double *)appendSlot(l, line) = v;
}

void nmrt_list_append_i64(nmrt_list *l, int64_t v, int64_t line) {
  *(int64_t *)appendSlot(l, line) = v;
}

void nmrt_list_append_bool(nmrt_list *l, int8_t v, int64_t line) {
  *(int8_t *)appendSlot(l, line) = v != 0;
}

void nmrt_list_append_str(nmrt_list *l, const char *v, int64_t line) {
  *(const char **)appendSlot(l, line) = v;
}

nmrt_list *nmrt_list_repeat(nmrt_list *l, int64_t count, int64_t line) {
  if (!l)
    nmrt_raise("TypeError",
               "unsupported operand type(s) for *: 'NoneType' and 'int'", line);
  int64_t n = count > 0 ? count : 0;
  if (n != 0 && l->length > INT64_MAX / n)
    nmrt_raise("MemoryError", "", line);
  nmrt_list *r = nmrt_list_new(l->elemKind, l->length * n);
  size_t bytes = elemSize(l->elemKind) * (size_t)l->length;
  for (int64_t i = 0; i < n; ++i)
    memcpy((char *)r->data + bytes * (size_t)i, l->data, bytes);
  return r;
}

nmrt_list *nmrt_list_none(void) { return NULL; }

int64_t nmrt_list_len(nmrt_list *l, int64_t line) {
  if (!l)
    nmrt_raise("TypeError", "object of type 'NoneType' has no len()", line);
  return l->length;
}

int64_t nmrt_list_iter_len(nmrt_list *l, int64_t line) {
  if (!l)
    nmrt_raise("TypeError", "'NoneType' object is not iterable", line);
  return l->length;
}

/* Maps a Python index to a position in l, raising as `l[i]` (or, when
 * storing, `l[i] = v`) would. Callers must call it before touching l->data,
 * as l may be None. */
static int64_t checkIndex(nmrt_list *l, int64_t i, int storing, int64_t line) {
  if (!l)
    nmrt_raise("TypeError",
               storing ? "'NoneType' object does not support item assignment"
                       : "'NoneType' object is not subscriptable",
               line);
  if (i < 0)
    i += l->length;
  if (i < 0 || i >= l->length)
    nmrt_raise("IndexError",
               storing ? "list assignment index out of range"
                       : "list index out of range",
               line);
  return i;
}

double nmrt_list_get_f64(nmrt_list *l, int64_t i, int64_t line) {
  int64_t at = checkIndex(l, i, 0, line);
  return ((double *)l->data)[at];
}

int64_t nmrt_list_get_i64(nmrt_list *l, int64_t i, int64_t line) {
  int64_t at = checkIndex(l, i, 0, line);
  return ((int64_t *)l->data)[at];
}

int8_t nmrt_list_get_bool(nmrt_list *l, int64_t i, int64_t line) {
  int64_t at = checkIndex(l, i, 0, line);
  return ((int8_t *)l->data)[at];
}

const char *nmrt_list_get_str(nmrt_list *l, int64_t i, int64_t line) {
  int64_t at = checkIndex(l, i, 0, line);
  return ((const char **)l->data)[at];
}

void nmrt_list_set_f64(nmrt_list *l, int64_t i, double v, int64_t line) {
  int64_t at = checkIndex(l, i, 1, line);
  ((double *)l->data)[at] = v;
}

void nmrt_list_set_i64(nmrt_list *l, int64_t i, int64_t v, int64_t line) {
  int64_t at = checkIndex(l, i, 1, line);
  ((int64_t *)l->data)[at] = v;
}

void nmrt_list_set_bool(nmrt_list *l, int64_t i, int8_t v, int64_t line) {
  int64_t at = checkIndex(l, i, 1, line);
  ((int8_t *)l->data)[at] = v != 0;
}

void nmrt_list_set_str(nmrt_list *l, int64_t i, const char *v, int64_t line) {
  int64_t at = checkIndex(l, i, 1, line);
  ((const char **)l->data)[at] = v;
}

/* The list's element i as an int64 (ints and bools). */
static int64_t intAt(const nmrt_list *l, int64_t i) {
  return l->elemKind == NMRT_ELEM_BOOL ? ((int8_t *)l->data)[i]
                                       : ((int64_t *)l->data)[i];
}

static void raiseIfEmpty(int64_t length, int64_t isMax, int64_t line) {
  if (length == 0)
    nmrt_raise("ValueError",
               isMax ? "max() arg is an empty sequence"
                     : "min() arg is an empty sequence",
               line);
}

static void raiseIfNone(const nmrt_list *l, int64_t line) {
  if (!l)
    nmrt_raise("TypeError", "'NoneType' object is not iterable", line);
}

int64_t nmrt_list_sum_i64(nmrt_list *l, int64_t line) {
  raiseIfNone(l, line);
  uint64_t total = 0; /* wraps as every int64 result does */
  for (int64_t i = 0; i < l->length; ++i)
    total += (uint64_t)intAt(l, i);
  return (int64_t)total;
}

double nmrt_list_sum_f64(nmrt_list *l, int64_t line) {
  raiseIfNone(l, line);
  return nmrt_strided_sum((const double *)l->data, l->length, 1, line);
}

int64_t nmrt_list_extreme_i64(nmrt_list *l, int64_t isMax, int64_t line) {
  raiseIfNone(l, line);
  raiseIfEmpty(l->length, isMax, line);
  int64_t best = intAt(l, 0);
  for (int64_t i = 1; i < l->length; ++i) {
    int64_t x = intAt(l, i);
    if (isMax ? x > best : x < best)
      best = x;
  }
  return best;
}

double nmrt_list_extreme_f64(nmrt_list *l, int64_t isMax, int64_t line) {
  raiseIfNone(l, line);
  return nmrt_strided_extreme((const double *)l->data, l->length, 1, isMax,
                              line);
}

double nmrt_strided_sum(const double *first, int64_t length, int64_t stride,
                        int64_t line) {
  (void)line;
  /* Python's sum starts from the int 0: 0 + -0.0 is 0.0. */
  double total = 0.0;
  for (int64_t i = 0; i < length; ++i)
    total += first[i * stride];
  return total;
}

double nmrt_strided_extreme(const double *first, int64_t length, int64_t stride,
                            int64_t isMax, int64_t line) {
  raiseIfEmpty(length, isMax, line);
  double best = first[0];
  for (int64_t i = 1; i < length; ++i) {
    double x = first[i * stride];
    if (isMax ? x > best : x < best)
      best = x;
  }
  return best;
}
