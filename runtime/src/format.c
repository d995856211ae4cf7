/* format.c - Python's format-spec mini-language (format(), f-strings,
 * str.format) for int, float, bool, str and None, with CPython 3.11's
 * results and error messages (Python/formatter_unicode.c). */

#include "nmrt_internal.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A growing byte buffer. */
typedef struct {
  char *data;
  size_t length, capacity;
} Buffer;

static void reserve(Buffer *b, size_t extra) {
  if (b->length + extra + 1 <= b->capacity)
    return;
  size_t capacity = b->capacity ? b->capacity : 32;
  while (capacity < b->length + extra + 1)
    capacity *= 2;
  char *grown = realloc(b->data, capacity);
  if (!grown)
    nmrt_raise("MemoryError", "", 0);
  b->data = grown;
  b->capacity = capacity;
}

static void append(Buffer *b, const char *text, size_t n) {
  reserve(b, n);
  memcpy(b->data + b->length, text, n);
  b->length += n;
  b->data[b->length] = '\0';
}

static void appendRepeated(Buffer *b, const char *text, size_t n,
                           int64_t times) {
  for (int64_t i = 0; i < times; ++i)
    append(b, text, n);
}

static char *finish(Buffer *b) {
  reserve(b, 0);
  b->data[b->length] = '\0';
  return b->data;
}

/* The number of code points of UTF-8 text. */
static int64_t codePoints(const char *s, size_t n) {
  int64_t count = 0;
  for (size_t i = 0; i < n; ++i)
    count += ((unsigned char)s[i] & 0xC0) != 0x80;
  return count;
}

/* The bytes of the first `count` code points of s. */
static size_t prefixBytes(const char *s, size_t n, int64_t count) {
  size_t i = 0;
  for (int64_t seen = 0; i < n; ++i) {
    if (((unsigned char)s[i] & 0xC0) != 0x80 && seen++ == count)
      break;
  }
  return i;
}

typedef struct {
  char fill[8]; /* one UTF-8 character */
  size_t fillLength;
  char align; /* 0 (the type's default), '<', '>', '=' or '^' */
  char sign;  /* 0, '+', '-' or ' ' */
  int noNegativeZero, alternate;
  int64_t width, precision; /* -1 when not given */
  char grouping;            /* 0, ',' or '_' */
  int groupSize;            /* 3, or 4 for '_' with b, o, x, X */
  char type;                /* 0 when not given */
} Spec;

typedef struct {
  char text[256];
} Error;

/* Records "ValueError: <message>" (every bad spec is a ValueError) and
 * returns 0. */
static int fail(Error *error, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

static int fail(Error *error, const char *format, ...) {
  static const char prefix[] = "ValueError: ";
  memcpy(error->text, prefix, sizeof prefix);
  va_list args;
  va_start(args, format);
  vsnprintf(error->text + sizeof prefix - 1,
            sizeof error->text - sizeof prefix + 1, format, args);
  va_end(args);
  return 0;
}

static int isAlign(char c) {
  return c == '<' || c == '>' || c == '=' || c == '^';
}

/* The length of the UTF-8 character at s. */
static size_t charLength(const char *s) {
  unsigned char c = (unsigned char)s[0];
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  for (size_t i = 1; i < n; ++i)
    if (!s[i])
      return i;
  return n;
}

/* Reads digits into *value; returns how many, or -1 on overflow. */
static int readInteger(const char **pos, int64_t *value) {
  int count = 0;
  *value = 0;
  for (; isdigit((unsigned char)**pos); ++*pos, ++count) {
    if (*value > (INT64_MAX - 9) / 10)
      return -1;
    *value = *value * 10 + (**pos - '0');
  }
  return count;
}

/* CPython's parse_internal_render_format_spec. `defaultAlign` is '<' for
 * strings and '>' for numbers; `defaultType` is 's' for strings, 'd' for
 * ints and 0 for floats. */
static int parseSpec(const char *text, char defaultAlign, char defaultType,
                     const char *typeName, Spec *spec, Error *error) {
  memset(spec, 0, sizeof *spec);
  spec->fill[0] = ' ';
  spec->fillLength = 1;
  spec->width = spec->precision = -1;
  spec->groupSize = 3;
  const char *pos = text;
  int fillGiven = 0, alignGiven = 0;
  size_t first = *pos ? charLength(pos) : 0;
  if (first && isAlign(pos[first])) {
    memcpy(spec->fill, pos, first);
    spec->fillLength = first;
    spec->align = pos[first];
    fillGiven = alignGiven = 1;
    pos += first + 1;
  } else if (isAlign(*pos)) {
    spec->align = *pos++;
    alignGiven = 1;
  }
  if (*pos == '+' || *pos == '-' || *pos == ' ')
    spec->sign = *pos++;
  if (*pos == 'z') {
    spec->noNegativeZero = 1;
    ++pos;
  }
  if (*pos == '#') {
    spec->alternate = 1;
    ++pos;
  }
  if (!fillGiven && *pos == '0') {
    spec->fill[0] = '0';
    spec->fillLength = 1;
    if (!alignGiven && defaultAlign == '>')
      spec->align = '=';
    ++pos;
  }
  int consumed = readInteger(&pos, &spec->width);
  if (consumed < 0)
    return fail(error, "Too many decimal digits in format string");
  if (consumed == 0)
    spec->width = -1;
  if (*pos == ',') {
    spec->grouping = ',';
    ++pos;
  }
  if (*pos == '_') {
    if (spec->grouping)
      return fail(error, "Cannot specify both ',' and '_'.");
    spec->grouping = '_';
    ++pos;
  }
  if (*pos == ',' && spec->grouping == '_')
    return fail(error, "Cannot specify both ',' and '_'.");
  if (*pos == '.') {
    ++pos;
    consumed = readInteger(&pos, &spec->precision);
    if (consumed < 0)
      return fail(error, "Too many decimal digits in format string");
    if (consumed == 0)
      return fail(error, "Format specifier missing precision");
  }
  if (pos[0] && pos[1])
    return fail(error, "Invalid format specifier '%s' for object of type '%s'",
                text, typeName);
  spec->type = *pos ? *pos : defaultType;
  if (spec->grouping) {
    switch (spec->type) {
    case 'd':
    case 'e':
    case 'f':
    case 'g':
    case 'E':
    case 'G':
    case '%':
    case 'F':
    case 0:
      break;
    case 'b':
    case 'o':
    case 'x':
    case 'X':
      if (spec->grouping == '_') {
        spec->groupSize = 4;
        break;
      }
      /* fall through */
    default:
      if (spec->type > 32 && spec->type < 127)
        return fail(error, "Cannot specify '%c' with '%c'.", spec->grouping,
                    spec->type);
      return fail(error, "Cannot specify '%c' with '\\x%x'.", spec->grouping,
                  (unsigned char)spec->type);
    }
  }
  return 1;
}

static int unknownType(const Spec *spec, const char *typeName, Error *error) {
  if (spec->type > 32 && spec->type < 127)
    return fail(error, "Unknown format code '%c' for object of type '%s'",
                spec->type, typeName);
  return fail(error, "Unknown format code '\\x%x' for object of type '%s'",
              (unsigned char)spec->type, typeName);
}

/* Pads `body` (of `width` code points) to the spec's width with its fill
 * and alignment; '=' is handled by the caller. */
static void appendAligned(Buffer *out, const Spec *spec, char defaultAlign,
                          const char *body, size_t n) {
  int64_t length = codePoints(body, n);
  int64_t pad = spec->width > length ? spec->width - length : 0;
  char align = spec->align ? spec->align : defaultAlign;
  int64_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
  appendRepeated(out, spec->fill, spec->fillLength, left);
  append(out, body, n);
  appendRepeated(out, spec->fill, spec->fillLength, pad - left);
}

/* CPython's _PyUnicode_InsertThousandsGrouping for a repeating group
 * size: the digits with separators, zero-padded on the left to at least
 * minWidth characters. groupSize 0 means no grouping. */
static void appendGrouped(Buffer *out, const char *digits, int64_t n,
                          char separator, int groupSize, int64_t minWidth) {
  /* Built right to left, then reversed. */
  Buffer reversed = {0};
  int64_t remaining = n;
  const char *end = digits + n;
  int useSeparator = 0;
  if (groupSize > 0) {
    for (;;) {
      int64_t l = groupSize;
      int64_t most = remaining > minWidth ? remaining : minWidth;
      if (most < 1)
        most = 1;
      if (l > most)
        l = most;
      int64_t zeros = l - remaining > 0 ? l - remaining : 0;
      int64_t chars = remaining < l ? (remaining > 0 ? remaining : 0) : l;
      if (useSeparator)
        append(&reversed, &separator, 1);
      for (int64_t i = 0; i < chars; ++i)
        append(&reversed, --end, 1);
      appendRepeated(&reversed, "0", 1, zeros);
      useSeparator = 1;
      remaining -= chars;
      minWidth -= l;
      if (remaining <= 0 && minWidth <= 0)
        break;
      minWidth -= 1;
    }
  } else {
    int64_t l = remaining > minWidth ? remaining : minWidth;
    if (l < 1)
      l = 1;
    for (int64_t i = 0; i < remaining; ++i)
      append(&reversed, --end, 1);
    appendRepeated(&reversed, "0", 1, l - remaining);
  }
  for (size_t i = reversed.length; i > 0; --i)
    append(out, &reversed.data[i - 1], 1);
  free(reversed.data);
}

/* A number as CPython's fill_number lays it out: sign, prefix (0x),
 * digits (grouped), then the rest (fraction, exponent, '%'), padded.
 * `body` holds the `digits` digits and the rest, without the sign; inf,
 * nan and the character of 'c' are all rest. */
static void appendNumber(Buffer *out, const Spec *spec, int negative,
                         const char *prefix, const char *body, size_t digits) {
  const char *rest = body + digits;
  size_t restLength = strlen(rest);
  char sign = negative            ? '-'
              : spec->sign == '+' ? '+'
              : spec->sign == ' ' ? ' '
                                  : 0;
  int64_t fixed =
      (sign ? 1 : 0) + (int64_t)strlen(prefix) + codePoints(rest, restLength);
  int zeroFill =
      spec->fillLength == 1 && spec->fill[0] == '0' && spec->align == '=';
  int64_t minWidth = zeroFill ? spec->width - fixed : 0;
  Buffer number = {0};
  if (sign)
    append(&number, &sign, 1);
  append(&number, prefix, strlen(prefix));
  size_t signAndPrefix = number.length;
  if (digits > 0)
    appendGrouped(&number, body, (int64_t)digits, spec->grouping,
                  spec->grouping ? spec->groupSize : 0, minWidth);
  append(&number, rest, restLength);
  if (spec->align == '=') {
    int64_t length = codePoints(number.data, number.length);
    int64_t pad = spec->width > length ? spec->width - length : 0;
    append(out, number.data, signAndPrefix);
    appendRepeated(out, spec->fill, spec->fillLength, pad);
    append(out, number.data + signAndPrefix, number.length - signAndPrefix);
  } else {
    appendAligned(out, spec, '>', number.data, number.length);
  }
  free(number.data);
}

static void upper(char *s) {
  for (; *s; ++s)
    *s = (char)toupper((unsigned char)*s);
}

/* Whether the digits of a formatted float (before any exponent) are all
 * zeros, so that 'z' drops its minus sign. */
static int isZero(const char *body) {
  for (; *body && *body != 'e' && *body != 'E' && *body != '%'; ++body)
    if (*body != '0' && *body != '.')
      return 0;
  return 1;
}

/* The presentation types of floats, which ints take too. */
static int isFloatType(char type) { return type && strchr("eEfFgG%", type); }

static int formatFloat(Buffer *out, double v, const Spec *given,
                       const char *typeName, Error *error) {
  Spec spec = *given;
  char type = spec.type;
  if (type != 0 && type != 'n' && !isFloatType(type))
    return unknownType(&spec, typeName, error);
  int negative = signbit(v) != 0;
  double magnitude = fabs(v);
  if (type == '%')
    magnitude *= 100.0;
  /* CPython caps precision so that the digits fit its buffers. */
  if (spec.precision > 1000000)
    return fail(error, "precision too big");
  char *body;
  if (isinf(magnitude) || isnan(magnitude)) {
    body = malloc(8);
    strcpy(body, isnan(v) ? "nan" : "inf");
    if (type == 'E' || type == 'F' || type == 'G')
      upper(body);
    if (type == '%')
      strcat(body, "%");
    /* CPython prints nan without a sign. */
    if (isnan(v))
      negative = 0;
  } else if (type == 0 && spec.precision < 0) {
    /* repr(), then the layout. */
    body = malloc(40);
    nmrt_format_f64_repr(magnitude, body);
    /* '#' keeps a point in the mantissa: 5.e-324. */
    char *e = strchr(body, 'e');
    if (spec.alternate && e && !memchr(body, '.', (size_t)(e - body))) {
      memmove(e + 1, e, strlen(e) + 1);
      *e = '.';
    }
  } else {
    char conversion = type == 0 || type == 'n' ? 'g'
                      : type == '%'            ? 'f'
                                               : (char)tolower(type);
    int64_t precision = spec.precision < 0 ? 6 : spec.precision;
    /* No type: 'g' that switches to exponents one digit earlier and keeps
     * a ".0" on integers (CPython's Py_DTSF_ADD_DOT_0). */
    int addDotZero = type == 0;
    if (conversion == 'g' && precision == 0)
      precision = 1;
    if (addDotZero) {
      char probe[64];
      snprintf(probe, sizeof probe, "%.*e", (int)(precision - 1), magnitude);
      int exponent = atoi(strchr(probe, 'e') + 1);
      if (exponent < -4 || exponent >= precision - 1)
        conversion = 'e', precision -= 1;
      else
        conversion = 'f', precision = precision - 1 - exponent;
    }
    char format[16];
    snprintf(format, sizeof format, "%%%s.*%c", spec.alternate ? "#" : "",
             conversion);
    int n = snprintf(NULL, 0, format, (int)precision, magnitude);
    body = malloc((size_t)n + 4);
    snprintf(body, (size_t)n + 1, format, (int)precision, magnitude);
    if (addDotZero && !spec.alternate) {
      /* 'g' drops trailing zeros, and the point when nothing follows it. */
      char *e = strchr(body, 'e');
      char exponentPart[16] = "";
      if (e) {
        strcpy(exponentPart, e);
        *e = '\0';
      }
      if (strchr(body, '.')) {
        size_t len = strlen(body);
        while (body[len - 1] == '0')
          body[--len] = '\0';
        if (body[len - 1] == '.')
          body[--len] = '\0';
      }
      if (!e && !strchr(body, '.'))
        strcat(body, ".0");
      strcat(body, exponentPart);
    }
    if (type == '%')
      strcat(body, "%");
    if (type == 'E' || type == 'F' || type == 'G')
      upper(body);
  }
  if (spec.noNegativeZero && negative && isZero(body))
    negative = 0;
  size_t digits = 0;
  while (isdigit((unsigned char)body[digits]))
    ++digits;
  appendNumber(out, &spec, negative, "", body, digits);
  free(body);
  return 1;
}

static int formatInt(Buffer *out, int64_t v, const Spec *spec,
                     const char *typeName, Error *error) {
  if (isFloatType(spec->type))
    return formatFloat(out, (double)v, spec, typeName, error);
  switch (spec->type) {
  case 0:
  case 'd':
  case 'n':
  case 'b':
  case 'o':
  case 'x':
  case 'X':
  case 'c':
    break;
  default:
    return unknownType(spec, typeName, error);
  }
  if (spec->precision >= 0)
    return fail(error, "Precision not allowed in integer format specifier");
  if (spec->noNegativeZero)
    return fail(error,
                "Negative zero coercion (z) not allowed in integer format "
                "specifier");
  uint64_t magnitude = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  if (spec->type == 'c') {
    if (spec->sign)
      return fail(error, "Sign not allowed with integer format specifier 'c'");
    if (spec->alternate)
      return fail(error, "Alternate form (#) not allowed with integer format "
                         "specifier 'c'");
    if (v < 0 || v > 0x10FFFF) {
      snprintf(error->text, sizeof error->text,
               "OverflowError: %%c arg not in range(0x110000)");
      return 0;
    }
    char utf8[5] = {0};
    uint32_t c = (uint32_t)v;
    if (c < 0x80) {
      utf8[0] = (char)c;
    } else if (c < 0x800) {
      utf8[0] = (char)(0xC0 | (c >> 6));
      utf8[1] = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      utf8[0] = (char)(0xE0 | (c >> 12));
      utf8[1] = (char)(0x80 | ((c >> 6) & 0x3F));
      utf8[2] = (char)(0x80 | (c & 0x3F));
    } else {
      utf8[0] = (char)(0xF0 | (c >> 18));
      utf8[1] = (char)(0x80 | ((c >> 12) & 0x3F));
      utf8[2] = (char)(0x80 | ((c >> 6) & 0x3F));
      utf8[3] = (char)(0x80 | (c & 0x3F));
    }
    appendNumber(out, spec, 0, "", utf8, 0);
    return 1;
  }
  unsigned base = spec->type == 'b'                        ? 2
                  : spec->type == 'o'                      ? 8
                  : spec->type == 'x' || spec->type == 'X' ? 16
                                                           : 10;
  const char *digitChars =
      spec->type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  char digits[72];
  int n = 0;
  do {
    digits[n++] = digitChars[magnitude % base];
    magnitude /= base;
  } while (magnitude);
  char body[72];
  for (int i = 0; i < n; ++i)
    body[i] = digits[n - 1 - i];
  body[n] = '\0';
  const char *prefix = "";
  if (spec->alternate)
    prefix = spec->type == 'b'   ? "0b"
             : spec->type == 'o' ? "0o"
             : spec->type == 'x' ? "0x"
             : spec->type == 'X' ? "0X"
                                 : "";
  appendNumber(out, spec, v < 0, prefix, body, (size_t)n);
  return 1;
}

static int formatText(Buffer *out, const char *s, const Spec *spec,
                      const char *typeName, Error *error) {
  if (spec->type != 0 && spec->type != 's')
    return unknownType(spec, typeName, error);
  if (spec->sign)
    return fail(error, "%s not allowed in string format specifier",
                spec->sign == ' ' ? "Space" : "Sign");
  if (spec->noNegativeZero)
    return fail(error, "Negative zero coercion (z) not allowed in string "
                       "format specifier");
  if (spec->alternate)
    return fail(error,
                "Alternate form (#) not allowed in string format specifier");
  if (spec->align == '=')
    return fail(error, "'=' alignment not allowed in string format specifier");
  size_t n = strlen(s);
  if (spec->precision >= 0)
    n = prefixBytes(s, n, spec->precision);
  appendAligned(out, spec, '<', s, n);
  return 1;
}

const char *nmrt_try_format(int kind, int64_t i, double f, const char *s,
                            const char *specText, char **result) {
  static Error error;
  Buffer out = {0};
  Spec spec;
  int ok;
  /* str() of a number, the most common field, without the layout work. */
  if (!*specText && (kind == NMRT_FORMAT_INT || kind == NMRT_FORMAT_FLOAT)) {
    char text[40];
    int n = kind == NMRT_FORMAT_INT
                ? snprintf(text, sizeof text, "%lld", (long long)i)
                : nmrt_format_f64_repr(f, text);
    append(&out, text, (size_t)n);
    *result = finish(&out);
    return NULL;
  }
  switch (kind) {
  case NMRT_FORMAT_INT:
    ok = parseSpec(specText, '>', 'd', "int", &spec, &error) &&
         formatInt(&out, i, &spec, "int", &error);
    break;
  case NMRT_FORMAT_BOOL:
    /* bool.__format__ is int's, except that an empty spec gives str(). */
    if (!*specText) {
      append(&out, i ? "True" : "False", i ? 4 : 5);
      ok = 1;
      break;
    }
    ok = parseSpec(specText, '>', 'd', "bool", &spec, &error) &&
         formatInt(&out, i, &spec, "bool", &error);
    break;
  case NMRT_FORMAT_FLOAT:
    ok = parseSpec(specText, '>', 0, "float", &spec, &error) &&
         formatFloat(&out, f, &spec, "float", &error);
    break;
  case NMRT_FORMAT_STR:
    ok = parseSpec(specText, '<', 's', "str", &spec, &error) &&
         formatText(&out, s, &spec, "str", &error);
    break;
  default: /* None */
    if (*specText) {
      free(out.data);
      return "TypeError: unsupported format string passed to "
             "NoneType.__format__";
    }
    append(&out, "None", 4);
    ok = 1;
    break;
  }
  if (!ok) {
    free(out.data);
    return error.text;
  }
  *result = finish(&out);
  return NULL;
}

/* Raises the error nmrt_try_format returned: "ValueError: message". */
static _Noreturn void raiseFormatError(const char *error, int64_t line) {
  const char *colon = strstr(error, ": ");
  char name[32];
  size_t n = (size_t)(colon - error);
  if (n >= sizeof name)
    n = sizeof name - 1;
  memcpy(name, error, n);
  name[n] = '\0';
  nmrt_raise(name, colon + 2, line);
}

static const char *formatOrRaise(int kind, int64_t i, double f, const char *s,
                                 const char *spec, int64_t line) {
  char *result = NULL;
  const char *error = nmrt_try_format(kind, i, f, s, spec, &result);
  if (error)
    raiseFormatError(error, line);
  return result;
}

const char *nmrt_format_i64(int64_t v, const char *spec, int64_t line) {
  return formatOrRaise(NMRT_FORMAT_INT, v, 0.0, NULL, spec, line);
}

const char *nmrt_format_f64(double v, const char *spec, int64_t line) {
  return formatOrRaise(NMRT_FORMAT_FLOAT, 0, v, NULL, spec, line);
}

const char *nmrt_format_bool(int8_t v, const char *spec, int64_t line) {
  return formatOrRaise(NMRT_FORMAT_BOOL, v, 0.0, NULL, spec, line);
}

const char *nmrt_format_str(const char *s, const char *spec, int64_t line) {
  return formatOrRaise(NMRT_FORMAT_STR, 0, 0.0, s, spec, line);
}
