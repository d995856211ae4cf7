/* list.c - list handles: homogeneous lists of scalars with Python's indexing
 * and Python's errors. A NULL handle is None. */

#include "nmrt_internal.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

nmrt_list *nmrt_list_new(int64_t elemKind, int64_t length) {
  if (length < 0)
    length = 0;
  /* The elements apart from the header, so that append can grow them. */
  nmrt_list *l = malloc(sizeof(nmrt_list));
  int64_t capacity = length > 4 ? length : 4;
  void *data = calloc((size_t)capacity, nmrt_list_elem_size(elemKind));
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
  size_t size = nmrt_list_elem_size(l->elemKind);
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
  size_t bytes = nmrt_list_elem_size(l->elemKind) * (size_t)l->length;
  for (int64_t i = 0; i < n; ++i)
    memcpy((char *)r->data + bytes * (size_t)i, l->data, bytes);
  return r;
}

nmrt_list *nmrt_list_none(void) { return NULL; }

int64_t nmrt_list_len(nmrt_list *l, int64_t use, int64_t line) {
  static const char *const noneErrors[] = {
      "object of type 'NoneType' has no len()",
      "'NoneType' object is not iterable",
      "'NoneType' object is not subscriptable",
      "'NoneType' object does not support item assignment"};
  if (!l)
    nmrt_raise("TypeError", noneErrors[use >= 0 && use < 4 ? use : 0], line);
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

/* AttributeError as `None.method(...)` raises it. */
static void raiseIfNoneReceiver(const nmrt_list *l, const char *method,
                                int64_t line) {
  if (l)
    return;
  char message[96];
  snprintf(message, sizeof message, "'NoneType' object has no attribute '%s'",
           method);
  nmrt_raise("AttributeError", message, line);
}

/* Moves the elements from position `from` on by `by` places (negative:
 * towards the front); the list must have room for them. */
static void shiftTail(nmrt_list *l, int64_t from, int64_t by) {
  size_t size = nmrt_list_elem_size(l->elemKind);
  memmove((char *)l->data + size * (size_t)(from + by),
          (char *)l->data + size * (size_t)from,
          size * (size_t)(l->length - from));
}

/* l.insert(i, v): Python clamps i to [0, len] after adding len to a
 * negative one. Returns the slot for the value. */
static void *insertSlot(nmrt_list *l, int64_t i, int64_t line) {
  raiseIfNoneReceiver(l, "insert", line);
  if (i < 0)
    i = i + l->length < 0 ? 0 : i + l->length;
  if (i > l->length)
    i = l->length;
  appendSlot(l, line); /* grows the list by one at the end */
  --l->length;
  shiftTail(l, i, 1);
  ++l->length;
  return (char *)l->data + nmrt_list_elem_size(l->elemKind) * (size_t)i;
}

void nmrt_list_insert_f64(nmrt_list *l, int64_t i, double v, int64_t line) {
  *(double *)insertSlot(l, i, line) = v;
}

void nmrt_list_insert_i64(nmrt_list *l, int64_t i, int64_t v, int64_t line) {
  *(int64_t *)insertSlot(l, i, line) = v;
}

void nmrt_list_insert_bool(nmrt_list *l, int64_t i, int8_t v, int64_t line) {
  *(int8_t *)insertSlot(l, i, line) = v != 0;
}

void nmrt_list_insert_str(nmrt_list *l, int64_t i, const char *v,
                          int64_t line) {
  *(const char **)insertSlot(l, i, line) = v;
}

/* l.pop(i): the position of the element to remove, checked as Python
 * checks it; the caller reads it, then calls removeAt. */
static int64_t popIndex(nmrt_list *l, int64_t i, int64_t line) {
  raiseIfNoneReceiver(l, "pop", line);
  if (l->length == 0)
    nmrt_raise("IndexError", "pop from empty list", line);
  if (i < 0)
    i += l->length;
  if (i < 0 || i >= l->length)
    nmrt_raise("IndexError", "pop index out of range", line);
  return i;
}

static void removeAt(nmrt_list *l, int64_t i) {
  shiftTail(l, i + 1, -1);
  --l->length;
}

double nmrt_list_pop_f64(nmrt_list *l, int64_t i, int64_t line) {
  int64_t at = popIndex(l, i, line);
  double v = ((double *)l->data)[at];
  removeAt(l, at);
  return v;
}

int64_t nmrt_list_pop_i64(nmrt_list *l, int64_t i, int64_t line) {
  int64_t at = popIndex(l, i, line);
  int64_t v = ((int64_t *)l->data)[at];
  removeAt(l, at);
  return v;
}

int8_t nmrt_list_pop_bool(nmrt_list *l, int64_t i, int64_t line) {
  int64_t at = popIndex(l, i, line);
  int8_t v = ((int8_t *)l->data)[at];
  removeAt(l, at);
  return v;
}

const char *nmrt_list_pop_str(nmrt_list *l, int64_t i, int64_t line) {
  int64_t at = popIndex(l, i, line);
  const char *v = ((const char **)l->data)[at];
  removeAt(l, at);
  return v;
}

/* What nmrt_list_search_* does with the elements equal to the value. */
enum {
  SEARCH_CONTAINS = 0,
  SEARCH_INDEX = 1,
  SEARCH_COUNT = 2,
  SEARCH_REMOVE = 3
};

/* The search of every nmrt_list_search_* once `equal(l, i)` tells whether
 * element i equals the value; `repr` writes the value for CPython's
 * "3 is not in list". */
static int64_t search(nmrt_list *l, int64_t kind, int64_t numba, int64_t line,
                      int (*equal)(const nmrt_list *, int64_t, const void *),
                      const void *value, void (*repr)(const void *, char *)) {
  static const char *const methods[] = {"", "index", "count", "remove"};
  if (!l) {
    if (kind == SEARCH_CONTAINS)
      nmrt_raise("TypeError", "argument of type 'NoneType' is not iterable",
                 line);
    raiseIfNoneReceiver(l, methods[kind], line);
  }
  int64_t count = 0;
  for (int64_t i = 0; i < l->length; ++i) {
    if (!equal(l, i, value))
      continue;
    switch (kind) {
    case SEARCH_CONTAINS:
      return 1;
    case SEARCH_INDEX:
      return i;
    case SEARCH_REMOVE:
      removeAt(l, i);
      return 0;
    default:
      ++count;
    }
  }
  if (kind == SEARCH_INDEX) {
    char message[96];
    if (numba) {
      snprintf(message, sizeof message, "value not in list");
    } else {
      char shown[64];
      repr(value, shown);
      snprintf(message, sizeof message, "%s is not in list", shown);
    }
    nmrt_raise("ValueError", message, line);
  }
  if (kind == SEARCH_REMOVE)
    nmrt_raise("ValueError", "list.remove(x): x not in list", line);
  return count;
}

static int equalF64(const nmrt_list *l, int64_t i, const void *v) {
  return ((const double *)l->data)[i] == *(const double *)v;
}
static int equalI64(const nmrt_list *l, int64_t i, const void *v) {
  return ((const int64_t *)l->data)[i] == *(const int64_t *)v;
}
static int equalBool(const nmrt_list *l, int64_t i, const void *v) {
  return ((const int8_t *)l->data)[i] == *(const int8_t *)v;
}
static int equalStr(const nmrt_list *l, int64_t i, const void *v) {
  return strcmp(((const char *const *)l->data)[i], *(const char *const *)v) ==
         0;
}
static void reprF64(const void *v, char *out) {
  nmrt_format_f64_repr(*(const double *)v, out);
}
static void reprI64(const void *v, char *out) {
  snprintf(out, 64, "%" PRId64, *(const int64_t *)v);
}
static void reprBool(const void *v, char *out) {
  snprintf(out, 64, "%s", *(const int8_t *)v ? "True" : "False");
}
static void reprStr(const void *v, char *out) {
  /* Cut as CPython never does; the message of a very long str only. */
  nmrt_str_repr(*(const char *const *)v, out, 64);
}

int64_t nmrt_list_search_f64(nmrt_list *l, double v, int64_t kind,
                             int64_t numba, int64_t line) {
  return search(l, kind, numba, line, equalF64, &v, reprF64);
}

int64_t nmrt_list_search_i64(nmrt_list *l, int64_t v, int64_t kind,
                             int64_t numba, int64_t line) {
  return search(l, kind, numba, line, equalI64, &v, reprI64);
}

int64_t nmrt_list_search_bool(nmrt_list *l, int8_t v, int64_t kind,
                              int64_t numba, int64_t line) {
  int8_t b = v != 0;
  return search(l, kind, numba, line, equalBool, &b, reprBool);
}

int64_t nmrt_list_search_str(nmrt_list *l, const char *v, int64_t kind,
                             int64_t numba, int64_t line) {
  return search(l, kind, numba, line, equalStr, &v, reprStr);
}

/* The elements of `from` appended to l (l itself included: its length is
 * read once). */
static void appendAll(nmrt_list *l, const nmrt_list *from, int64_t line) {
  int64_t n = from->length;
  size_t size = nmrt_list_elem_size(l->elemKind);
  if (l->capacity - l->length < n) {
    int64_t capacity = l->length + n;
    void *grown = realloc(l->data, (size_t)capacity * size);
    if (!grown)
      nmrt_raise("MemoryError", "", line);
    l->data = grown;
    l->capacity = capacity;
  }
  memcpy((char *)l->data + size * (size_t)l->length, from->data,
         size * (size_t)n);
  l->length += n;
}

void nmrt_list_extend(nmrt_list *l, nmrt_list *other, int64_t iadd,
                      int64_t line) {
  if (iadd && !l)
    nmrt_raise("TypeError",
               "unsupported operand type(s) for +=: 'NoneType' and 'list'",
               line);
  raiseIfNoneReceiver(l, "extend", line);
  raiseIfNone(other, line);
  appendAll(l, other, line);
}

nmrt_list *nmrt_list_concat(nmrt_list *a, nmrt_list *b, int64_t line) {
  if (!a)
    nmrt_raise("TypeError",
               "unsupported operand type(s) for +: 'NoneType' and 'list'",
               line);
  if (!b)
    nmrt_raise("TypeError",
               "can only concatenate list (not \"NoneType\") to list", line);
  nmrt_list *r = nmrt_list_new(a->elemKind, 0);
  appendAll(r, a, line);
  appendAll(r, b, line);
  return r;
}

nmrt_list *nmrt_list_copy(nmrt_list *l, int64_t asMethod, int64_t line) {
  if (asMethod)
    raiseIfNoneReceiver(l, "copy", line);
  raiseIfNone(l, line);
  nmrt_list *r = nmrt_list_new(l->elemKind, 0);
  appendAll(r, l, line);
  return r;
}

void nmrt_list_reverse(nmrt_list *l, int64_t line) {
  raiseIfNoneReceiver(l, "reverse", line);
  size_t size = nmrt_list_elem_size(l->elemKind);
  char swap[sizeof(int64_t)];
  for (int64_t i = 0, j = l->length - 1; i < j; ++i, --j) {
    char *a = (char *)l->data + size * (size_t)i;
    char *b = (char *)l->data + size * (size_t)j;
    memcpy(swap, a, size);
    memcpy(a, b, size);
    memcpy(b, swap, size);
  }
}

void nmrt_list_clear(nmrt_list *l, int64_t line) {
  raiseIfNoneReceiver(l, "clear", line);
  l->length = 0;
}

nmrt_list *nmrt_list_range(int64_t start, int64_t stop, int64_t step,
                           int64_t line) {
  if (step == 0)
    nmrt_raise("ValueError", "range() arg 3 must not be zero", line);
  /* The trip count without overflow, as range's len() computes it. */
  uint64_t count = 0;
  if (step > 0 && start < stop)
    count = ((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1;
  else if (step < 0 && start > stop)
    count = ((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1;
  if (count > (uint64_t)INT64_MAX / sizeof(int64_t))
    nmrt_raise("MemoryError", "", line);
  nmrt_list *r = nmrt_list_new(NMRT_ELEM_I64, (int64_t)count);
  for (uint64_t i = 0; i < count; ++i)
    ((int64_t *)r->data)[i] = (int64_t)((uint64_t)start + i * (uint64_t)step);
  return r;
}

void nmrt_list_unpack_check(nmrt_list *l, int64_t targets, int64_t numba,
                            int64_t line) {
  if (!l)
    nmrt_raise("TypeError", "cannot unpack non-iterable NoneType object", line);
  if (l->length == targets)
    return;
  char message[96];
  if (numba)
    message[0] = '\0'; /* Numba raises a bare ValueError */
  else if (l->length < targets)
    snprintf(message, sizeof message,
             "not enough values to unpack (expected %" PRId64 ", got %" PRId64
             ")",
             targets, l->length);
  else
    snprintf(message, sizeof message,
             "too many values to unpack (expected %" PRId64 ")", targets);
  nmrt_raise("ValueError", message, line);
}
