/* strings.c - Python's conversions of strings: int(s), float(s), and the
 * repr() their error messages quote. */

/* strcasecmp. */
#define _POSIX_C_SOURCE 200809L

#include "nmrt_internal.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

size_t nmrt_str_repr(const char *s, char *out, size_t size) {
  /* Single quotes unless the text has one and no double quote. */
  char quote = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';
  size_t n = 0;
#define PUT(c)                                                                 \
  do {                                                                         \
    if (n + 1 < size)                                                          \
      out[n] = (c);                                                            \
    ++n;                                                                       \
  } while (0)
  PUT(quote);
  for (const unsigned char *c = (const unsigned char *)s; *c; ++c) {
    if (*c == quote || *c == '\\') {
      PUT('\\');
      PUT(*c);
    } else if (*c == '\n' || *c == '\r' || *c == '\t') {
      PUT('\\');
      PUT(*c == '\n' ? 'n' : *c == '\r' ? 'r' : 't');
    } else if (*c < 0x20 || *c == 0x7f) {
      char hex[8];
      snprintf(hex, sizeof hex, "\\x%02x", *c);
      for (const char *h = hex; *h; ++h)
        PUT(*h);
    } else {
      /* UTF-8 sequences pass through: printable text stays as it is. */
      PUT(*c);
    }
  }
  PUT(quote);
#undef PUT
  if (size > 0)
    out[n < size ? n : size - 1] = '\0';
  return n;
}

/* str.strip()'s whitespace, ASCII part: \t \n \v \f \r, \x1c-\x1f and
 * space. */
static int isPythonSpace(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

/* The text of s without surrounding whitespace and with the underscores
 * Python allows between digits removed, or NULL when an underscore is
 * misplaced. The caller frees it. */
static char *stripAndRemoveUnderscores(const char *s) {
  size_t begin = 0, end = strlen(s);
  while (begin < end && isPythonSpace(s[begin]))
    ++begin;
  while (end > begin && isPythonSpace(s[end - 1]))
    --end;
  char *text = malloc(end - begin + 1);
  if (!text)
    nmrt_raise("MemoryError", "", 0);
  size_t n = 0;
  for (size_t i = begin; i < end; ++i) {
    if (s[i] == '_') {
      int digitBefore = i > begin && s[i - 1] >= '0' && s[i - 1] <= '9';
      int digitAfter = i + 1 < end && s[i + 1] >= '0' && s[i + 1] <= '9';
      if (!digitBefore || !digitAfter) {
        free(text);
        return NULL;
      }
      continue;
    }
    text[n++] = s[i];
  }
  text[n] = '\0';
  return text;
}

static _Noreturn void raiseBadLiteral(const char *prefix, const char *s,
                                      int64_t line) {
  char quoted[512];
  nmrt_str_repr(s, quoted, sizeof quoted);
  char message[600];
  snprintf(message, sizeof message, "%s%s", prefix, quoted);
  nmrt_raise("ValueError", message, line);
}

static int isDigit(char c) { return c >= '0' && c <= '9'; }

int64_t nmrt_str_to_i64(const char *s, int64_t line) {
  static const char *const prefix = "invalid literal for int() with base 10: ";
  char *text = stripAndRemoveUnderscores(s);
  const char *c = text;
  if (c && (*c == '+' || *c == '-'))
    ++c;
  int valid = c && isDigit(*c);
  for (const char *d = c; valid && *d; ++d)
    valid = isDigit(*d);
  if (!valid) {
    free(text);
    raiseBadLiteral(prefix, s, line);
  }
  errno = 0;
  long long v = strtoll(text, NULL, 10);
  int overflow = errno == ERANGE;
  free(text);
  if (overflow)
    nmrt_raise("OverflowError", "Python int too large to convert to C long",
               line);
  return v;
}

/* Whether text (stripped, underscores removed) is a float literal Python's
 * float() accepts: a decimal number with an optional exponent, or inf,
 * infinity or nan in any case, each with an optional sign. */
static int isFloatLiteral(const char *text) {
  const char *c = text;
  if (*c == '+' || *c == '-')
    ++c;
  if (strcasecmp(c, "inf") == 0 || strcasecmp(c, "infinity") == 0 ||
      strcasecmp(c, "nan") == 0)
    return 1;
  int digits = 0;
  for (; isDigit(*c); ++c)
    ++digits;
  if (*c == '.')
    for (++c; isDigit(*c); ++c)
      ++digits;
  if (digits == 0)
    return 0;
  if (*c == 'e' || *c == 'E') {
    ++c;
    if (*c == '+' || *c == '-')
      ++c;
    if (!isDigit(*c))
      return 0;
    while (isDigit(*c))
      ++c;
  }
  return *c == '\0';
}

double nmrt_str_to_f64(const char *s, int64_t line) {
  char *text = stripAndRemoveUnderscores(s);
  if (!text || !isFloatLiteral(text)) {
    free(text);
    raiseBadLiteral("could not convert string to float: ", s, line);
  }
  /* strtod reads every form isFloatLiteral accepts; out of range values
   * become inf or 0 as in Python. */
  double v = strtod(text, NULL);
  free(text);
  return v;
}

static char *allocateString(size_t n) {
  char *s = malloc(n + 1);
  if (!s)
    nmrt_raise("MemoryError", "", 0);
  return s;
}

const char *nmrt_str_repr_new(const char *s) {
  size_t n = nmrt_str_repr(s, NULL, 0);
  char *out = allocateString(n);
  nmrt_str_repr(s, out, n + 1);
  return out;
}

const char *nmrt_str_concat(const char *a, const char *b) {
  size_t na = strlen(a), nb = strlen(b);
  char *out = allocateString(na + nb);
  memcpy(out, a, na);
  memcpy(out + na, b, nb + 1);
  return out;
}

int64_t nmrt_str_compare(const char *a, const char *b) {
  int order = strcmp(a, b);
  return order < 0 ? -1 : order > 0;
}

nmrt_bool nmrt_str_contains(const char *haystack, const char *needle) {
  return strstr(haystack, needle) != NULL;
}

int64_t nmrt_str_len(const char *s) {
  int64_t count = 0;
  for (; *s; ++s)
    count += ((unsigned char)*s & 0xC0) != 0x80;
  return count;
}

/* The runtime made s with malloc; the ABI hands strings out as const. */
void nmrt_str_free(const char *s) { free((void *)(uintptr_t)s); }
