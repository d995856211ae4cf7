/* str_methods.c - the str methods and operators of the nmc subset with
 * CPython's results and errors: upper/lower, strip/lstrip/rstrip,
 * startswith/endswith, replace, split, join and `s * n`. Strings are
 * NUL-terminated UTF-8; whitespace is what str.isspace() accepts. */

/* newlocale, towupper_l. */
#define _POSIX_C_SOURCE 200809L

#include "nmrt_internal.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

/* The code point at s and the number of bytes it takes (an invalid byte is
 * taken as one code point of its own value). */
static uint32_t decode(const unsigned char *s, int *length) {
  int n = s[0] < 0x80         ? 1
          : (s[0] >> 5) == 6  ? 2
          : (s[0] >> 4) == 14 ? 3
          : (s[0] >> 3) == 30 ? 4
                              : 1;
  for (int i = 1; i < n; ++i)
    if ((s[i] & 0xc0) != 0x80)
      n = 1;
  *length = n;
  if (n == 1)
    return s[0];
  uint32_t c = s[0] & (0x7f >> n);
  for (int i = 1; i < n; ++i)
    c = (c << 6) | (s[i] & 0x3f);
  return c;
}

static int encode(uint32_t c, char *out) {
  if (c < 0x80) {
    out[0] = (char)c;
    return 1;
  }
  if (c < 0x800) {
    out[0] = (char)(0xc0 | (c >> 6));
    out[1] = (char)(0x80 | (c & 0x3f));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = (char)(0xe0 | (c >> 12));
    out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
    out[2] = (char)(0x80 | (c & 0x3f));
    return 3;
  }
  out[0] = (char)(0xf0 | (c >> 18));
  out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
  out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
  out[3] = (char)(0x80 | (c & 0x3f));
  return 4;
}

/* str.isspace() of one code point: bidirectional class WS, B or S, or
 * category Zs. */
static int isSpace(uint32_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f) ||
         c == 0x85 || c == 0xa0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
         c == 0x202f || c == 0x205f || c == 0x3000;
}

static char *allocate(size_t bytes, int64_t line) {
  char *s = malloc(bytes + 1);
  if (!s)
    nmrt_raise("MemoryError", "", line);
  return s;
}

static char *copyOf(const char *s, size_t n, int64_t line) {
  char *r = allocate(n, line);
  memcpy(r, s, n);
  r[n] = '\0';
  return r;
}

/* upper() and lower(), a code point at a time (towupper_l in C.UTF-8 for
 * what is not ASCII). */
static const char *changeCase(const char *s, int upper, int64_t line) {
  static locale_t utf8;
  if (!utf8)
    utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
  size_t n = strlen(s);
  char *r = allocate(4 * n, line);
  size_t out = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p;) {
    int length;
    uint32_t c = decode(p, &length);
    if (upper && c == 0xdf) { /* ß has no capital: Python writes SS */
      r[out++] = 'S';
      r[out++] = 'S';
      p += length;
      continue;
    }
    if (c < 0x80)
      c = upper ? (c >= 'a' && c <= 'z' ? c - 32 : c)
                : (c >= 'A' && c <= 'Z' ? c + 32 : c);
    else if (utf8 && length > 1)
      c = (uint32_t)(upper ? towupper_l((wint_t)c, utf8)
                           : towlower_l((wint_t)c, utf8));
    if (length == 1 && c >= 0x80)
      r[out++] = (char)c; /* an invalid byte stays as it was */
    else
      out += (size_t)encode(c, r + out);
    p += length;
  }
  r[out] = '\0';
  return r;
}

const char *nmrt_str_upper(const char *s, int64_t line) {
  return changeCase(s, 1, line);
}

const char *nmrt_str_lower(const char *s, int64_t line) {
  return changeCase(s, 0, line);
}

/* Whether the code point at p is one of `chars` (whitespace if NULL). */
static int isStripped(const unsigned char *p, int *length, const char *chars) {
  uint32_t c = decode(p, length);
  if (!chars)
    return isSpace(c);
  for (const unsigned char *q = (const unsigned char *)chars; *q;) {
    int n;
    if (decode(q, &n) == c)
      return 1;
    q += n;
  }
  return 0;
}

const char *nmrt_str_strip(const char *s, const char *chars, int64_t which,
                           int64_t line) {
  const unsigned char *begin = (const unsigned char *)s;
  const unsigned char *end = begin + strlen(s);
  int length;
  if (which != 2) /* strip, lstrip */
    while (begin < end && isStripped(begin, &length, chars))
      begin += length;
  if (which != 1) /* strip, rstrip */
    while (end > begin) {
      const unsigned char *last = end - 1;
      while (last > begin && (*last & 0xc0) == 0x80)
        --last; /* back to the start of the last code point */
      if (!isStripped(last, &length, chars) || last + length != end)
        break;
      end = last;
    }
  return copyOf((const char *)begin, (size_t)(end - begin), line);
}

int8_t nmrt_str_affix(const char *s, const char *affix, int64_t atEnd) {
  size_t n = strlen(s), k = strlen(affix);
  if (k > n)
    return 0;
  return memcmp(atEnd ? s + n - k : s, affix, k) == 0;
}

const char *nmrt_str_replace(const char *s, const char *old, const char *new_,
                             int64_t count, int64_t line) {
  size_t n = strlen(s), k = strlen(old), m = strlen(new_);
  /* At most: one replacement per position, and between all of them. */
  size_t bound = k ? n + (n / k + 1) * m : n + (n + 1) * m;
  char *r = allocate(bound, line);
  size_t out = 0;
  int64_t done = 0;
  const char *p = s;
  if (!k) {
    /* An empty `old` matches before each code point and at the end. */
    for (;;) {
      if (count < 0 || done < count) {
        memcpy(r + out, new_, m);
        out += m;
        ++done;
      }
      if (!*p)
        break;
      int length;
      decode((const unsigned char *)p, &length);
      memcpy(r + out, p, (size_t)length);
      out += (size_t)length;
      p += length;
    }
  } else {
    const char *hit;
    while ((count < 0 || done < count) && (hit = strstr(p, old))) {
      memcpy(r + out, p, (size_t)(hit - p));
      out += (size_t)(hit - p);
      memcpy(r + out, new_, m);
      out += m;
      p = hit + k;
      ++done;
    }
    size_t rest = strlen(p);
    memcpy(r + out, p, rest);
    out += rest;
  }
  r[out] = '\0';
  return r;
}

nmrt_list *nmrt_str_split(const char *s, const char *sep, int64_t maxsplit,
                          int64_t line) {
  nmrt_list *parts = nmrt_list_new(NMRT_ELEM_STR, 0);
  int64_t splits = 0;
  if (sep) {
    size_t k = strlen(sep);
    if (!k)
      nmrt_raise("ValueError", "empty separator", line);
    const char *p = s, *hit;
    while ((maxsplit < 0 || splits < maxsplit) && (hit = strstr(p, sep))) {
      nmrt_list_append_str(parts, copyOf(p, (size_t)(hit - p), line), line);
      p = hit + k;
      ++splits;
    }
    nmrt_list_append_str(parts, copyOf(p, strlen(p), line), line);
    return parts;
  }
  /* Runs of whitespace separate the words; none are empty. */
  const unsigned char *p = (const unsigned char *)s;
  int length;
  for (;;) {
    while (*p && isSpace(decode(p, &length)))
      p += length;
    if (!*p)
      break;
    if (maxsplit >= 0 && splits == maxsplit) {
      /* The rest, trailing whitespace and all, is the last word. */
      nmrt_list_append_str(
          parts, copyOf((const char *)p, strlen((const char *)p), line), line);
      break;
    }
    const unsigned char *word = p;
    while (*p && !isSpace(decode(p, &length)))
      p += length;
    nmrt_list_append_str(
        parts, copyOf((const char *)word, (size_t)(p - word), line), line);
    ++splits;
  }
  return parts;
}

const char *nmrt_str_join(const char *sep, nmrt_list *parts, int64_t line) {
  if (!parts)
    nmrt_raise("TypeError", "can only join an iterable", line);
  const char **items = parts->data;
  size_t k = strlen(sep), bytes = 0;
  for (int64_t i = 0; i < parts->length; ++i)
    bytes += strlen(items[i]) + (i ? k : 0);
  char *r = allocate(bytes, line);
  size_t out = 0;
  for (int64_t i = 0; i < parts->length; ++i) {
    if (i) {
      memcpy(r + out, sep, k);
      out += k;
    }
    size_t n = strlen(items[i]);
    memcpy(r + out, items[i], n);
    out += n;
  }
  r[out] = '\0';
  return r;
}

const char *nmrt_str_repeat(const char *s, int64_t count, int64_t line) {
  size_t n = strlen(s);
  if (count <= 0 || n == 0)
    return copyOf("", 0, line);
  if ((uint64_t)count > (SIZE_MAX - 1) / n)
    nmrt_raise("OverflowError", "repeated string is too long", line);
  char *r = allocate(n * (size_t)count, line);
  for (int64_t i = 0; i < count; ++i)
    memcpy(r + n * (size_t)i, s, n);
  r[n * (size_t)count] = '\0';
  return r;
}

/* The byte offset of each code point of s, and of its end: n + 1 offsets
 * for n code points (the caller frees them). */
static size_t *codePointOffsets(const char *s, int64_t *count, int64_t line) {
  size_t bytes = strlen(s);
  size_t *offsets = malloc(sizeof(size_t) * (bytes + 1));
  if (!offsets)
    nmrt_raise("MemoryError", "", line);
  int64_t n = 0;
  for (size_t at = 0; at < bytes;) {
    int length;
    decode((const unsigned char *)s + at, &length);
    offsets[n++] = at;
    at += (size_t)length;
  }
  offsets[n] = bytes;
  *count = n;
  return offsets;
}

const char *nmrt_str_getitem(const char *s, int64_t i, int64_t line) {
  int length;
  if (i < 0) {
    /* From the end: the code point count first. */
    int64_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p += length) {
      decode(p, &length);
      ++n;
    }
    i += n;
  }
  const unsigned char *p = (const unsigned char *)s;
  for (int64_t k = 0; *p && k < i; ++k) {
    decode(p, &length);
    p += length;
  }
  if (i < 0 || !*p)
    nmrt_raise("IndexError", "string index out of range", line);
  decode(p, &length);
  return copyOf((const char *)p, (size_t)length, line);
}

const char *nmrt_str_slice(const char *s, int64_t start, int64_t length,
                           int64_t step, int64_t line) {
  int64_t n;
  size_t *offsets = codePointOffsets(s, &n, line);
  char *r = allocate(offsets[n], line);
  size_t out = 0;
  for (int64_t k = 0; k < length; ++k) {
    int64_t i = start + k * step;
    size_t size = offsets[i + 1] - offsets[i];
    memcpy(r + out, s + offsets[i], size);
    out += size;
  }
  r[out] = '\0';
  free(offsets);
  return r;
}
