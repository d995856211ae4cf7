/* numbers.c - the functions of numbers that Python's builtins and math
 * module compute with their own algorithms (gcd, factorial, pow with a
 * modulus, round to digits, isclose, fsum), with CPython's results and
 * errors. */

#include "nmrt_internal.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* |v| as an unsigned value; INT64_MIN has no int64 magnitude. */
static uint64_t magnitude(int64_t v) {
  return v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
}

int64_t nmrt_gcd(int64_t a, int64_t b) {
  uint64_t x = magnitude(a), y = magnitude(b);
  while (y != 0) {
    uint64_t r = x % y;
    x = y;
    y = r;
  }
  /* gcd(INT64_MIN, 0) is 2**63, which wraps as every int64 result does. */
  return (int64_t)x;
}

int64_t nmrt_factorial(int64_t n, int64_t line) {
  if (n < 0)
    nmrt_raise("ValueError", "factorial() not defined for negative values",
               line);
  /* 20! is the largest factorial an int64 holds. */
  if (n > 20)
    nmrt_raise("OverflowError", "factorial() result does not fit in an int64",
               line);
  int64_t result = 1;
  for (int64_t i = 2; i <= n; ++i)
    result *= i;
  return result;
}

/* The inverse of a modulo m (0 <= a < m), or 0 when there is none. */
static uint64_t inverseModulo(uint64_t a, uint64_t m) {
  __int128 oldR = a, r = m, oldS = 1, s = 0;
  while (r != 0) {
    __int128 q = oldR / r, t;
    t = oldR - q * r;
    oldR = r;
    r = t;
    t = oldS - q * s;
    oldS = s;
    s = t;
  }
  if (oldR != 1)
    return 0;
  if (oldS < 0)
    oldS += m;
  return (uint64_t)oldS;
}

int64_t nmrt_pow_mod(int64_t base, int64_t exponent, int64_t modulus,
                     int64_t line) {
  /* CPython's long_pow, in its order of checks. */
  if (modulus == 0)
    nmrt_raise("ValueError", "pow() 3rd argument cannot be 0", line);
  uint64_t m = magnitude(modulus);
  if (m == 1)
    return 0;
  uint64_t a = base < 0 ? (m - magnitude(base) % m) % m : (uint64_t)base % m;
  uint64_t e = magnitude(exponent);
  if (exponent < 0) {
    a = inverseModulo(a, m);
    if (a == 0)
      nmrt_raise("ValueError", "base is not invertible for the given modulus",
                 line);
  }
  uint64_t result = 1 % m;
  while (e != 0) {
    if (e & 1)
      result = (uint64_t)((unsigned __int128)result * a % m);
    a = (uint64_t)((unsigned __int128)a * a % m);
    e >>= 1;
  }
  /* The result takes the modulus's sign, as Python's % does. */
  if (modulus < 0 && result != 0)
    return (int64_t)(result - m);
  return (int64_t)result;
}

/* Rounds the decimal digits digits[0..length) (a non-negative number with
 * `point` digits before the decimal point) to `ndigits` digits after the
 * point, half to even on the exact value, and writes `[-]digitsE<exp>`. */
static void roundDecimal(const char *digits, int length, int point, int ndigits,
                         int negative, char *out, size_t size) {
  int cut = point + ndigits; /* digits kept */
  char kept[2048];
  int n = 0;
  if (cut > 0) {
    for (; n < cut && n < length; ++n)
      kept[n] = digits[n];
    for (; n < cut; ++n)
      kept[n] = '0';
  }
  int roundUp = 0;
  if (cut >= 0 && cut < length) {
    int first = digits[cut] - '0';
    int rest = 0;
    for (int i = cut + 1; i < length; ++i)
      rest |= digits[i] != '0';
    int lastOdd = n > 0 && ((kept[n - 1] - '0') & 1);
    roundUp = first > 5 || (first == 5 && (rest || lastOdd));
  }
  if (roundUp) {
    int i = n - 1;
    for (; i >= 0 && kept[i] == '9'; --i)
      kept[i] = '0';
    if (i >= 0) {
      ++kept[i];
    } else {
      /* 999.5 -> 1000: one more digit in front. */
      for (int j = n; j > 0; --j)
        kept[j] = kept[j - 1];
      kept[0] = '1';
      ++n;
    }
  }
  if (n == 0)
    kept[n++] = '0';
  kept[n] = '\0';
  snprintf(out, size, "%s%se%d", negative ? "-" : "", kept, -ndigits);
}

double nmrt_round_digits(double x, int64_t ndigits, int64_t line) {
  /* CPython's float.__round__: nan and inf round to themselves; beyond
   * these bounds every double rounds to itself or to a signed zero. */
  const int64_t ndigitsMax = (int64_t)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
  const int64_t ndigitsMin = -(int64_t)((DBL_MAX_EXP + 1) * 0.30103);
  if (!isfinite(x) || ndigits > ndigitsMax)
    return x;
  if (ndigits < ndigitsMin)
    return 0.0 * x;
  /* The exact decimal value of |x| (printf prints every digit of a
   * double), rounded half to even as CPython's dtoa does. */
  char exact[DBL_MAX_10_EXP + 1080];
  snprintf(exact, sizeof exact, "%.1074f", fabs(x));
  char digits[sizeof exact];
  int length = 0, point = -1;
  for (const char *c = exact; *c; ++c) {
    if (*c == '.')
      point = length;
    else
      digits[length++] = *c;
  }
  /* Trailing zeros change nothing. */
  while (length > point && digits[length - 1] == '0')
    --length;
  char rounded[2200];
  roundDecimal(digits, length, point, (int)ndigits, signbit(x) != 0, rounded,
               sizeof rounded);
  errno = 0;
  double result = strtod(rounded, NULL);
  if (errno == ERANGE && fabs(result) >= 1.0)
    nmrt_raise("OverflowError", "rounded value too large to represent", line);
  return result;
}

int64_t nmrt_round_int_digits(int64_t n, int64_t ndigits) {
  if (ndigits >= 0)
    return n;
  /* |n| < 10**19, so 10**38 and beyond round everything to 0. */
  if (ndigits < -38)
    return 0;
  __int128 unit = 1;
  for (int64_t i = 0; i < -ndigits; ++i)
    unit *= 10;
  __int128 q = n / unit, r = n % unit;
  if (r < 0) {
    q -= 1;
    r += unit;
  }
  if (2 * r > unit || (2 * r == unit && (q & 1)))
    q += 1;
  /* A result beyond int64 wraps, as every int64 result does. */
  return (int64_t)(uint64_t)(unsigned __int128)(q * unit);
}

/* Numba's float ** int: repeated squaring, not pow(). */
static double powerBySquaring(double a, int64_t exponent) {
  double r = 1.0;
  for (uint64_t e = (uint64_t)exponent; e != 0; e >>= 1) {
    if (e & 1)
      r *= a;
    a *= a;
  }
  return r;
}

double nmrt_round_digits_numba(double x, int64_t ndigits) {
  /* Numba 0.56's round(x, ndigits) inside @njit, which differs from
   * CPython's where x * 10**ndigits is inexact (round(2.675, 2) is 2.68). */
  if (isinf(x) || isnan(x))
    return x;
  if (ndigits >= 0) {
    double pow1, pow2;
    if (ndigits > 22) {
      pow1 = powerBySquaring(10.0, ndigits - 22);
      pow2 = 1e22;
    } else {
      pow1 = powerBySquaring(10.0, ndigits);
      pow2 = 1.0;
    }
    double y = (x * pow1) * pow2;
    if (isinf(y))
      return x;
    return (rint(y) / pow2) / pow1;
  }
  double pow1 = powerBySquaring(10.0, -ndigits);
  return rint(x / pow1) * pow1;
}

nmrt_bool nmrt_isclose(double a, double b, double relTol, double absTol,
                       int64_t line) {
  if (relTol < 0.0 || absTol < 0.0)
    nmrt_raise("ValueError", "tolerances must be non-negative", line);
  if (a == b)
    return 1;
  if (isinf(a) || isinf(b))
    return 0;
  double diff = fabs(b - a);
  return diff <= fabs(relTol * b) || diff <= fabs(relTol * a) || diff <= absTol;
}

/* CPython's math.fsum: Shewchuk's exact partial sums, rounded once. */
typedef struct {
  double *partials;
  size_t count, capacity;
  double specialSum, infSum;
  double first[32];
} FsumState;

static void fsumAdd(FsumState *s, double x, int64_t line) {
  double xsave = x;
  size_t i = 0;
  for (size_t j = 0; j < s->count; ++j) {
    double y = s->partials[j];
    if (fabs(x) < fabs(y)) {
      double t = x;
      x = y;
      y = t;
    }
    double hi = x + y;
    double lo = y - (hi - x);
    if (lo != 0.0)
      s->partials[i++] = lo;
    x = hi;
  }
  s->count = i;
  if (x == 0.0)
    return;
  if (!isfinite(x)) {
    /* An inf or nan summand, or an intermediate overflow. */
    if (isfinite(xsave))
      nmrt_raise("OverflowError", "intermediate overflow in fsum", line);
    if (isinf(xsave))
      s->infSum += xsave;
    s->specialSum += xsave;
    s->count = 0;
    return;
  }
  if (s->count == s->capacity) {
    size_t capacity = 2 * s->capacity;
    double *grown = malloc(capacity * sizeof(double));
    if (!grown)
      nmrt_raise("MemoryError", "math.fsum partials", line);
    for (size_t k = 0; k < s->count; ++k)
      grown[k] = s->partials[k];
    if (s->partials != s->first)
      free(s->partials);
    s->partials = grown;
    s->capacity = capacity;
  }
  s->partials[s->count++] = x;
}

static double fsumResult(FsumState *s, int64_t line) {
  double result = 0.0;
  if (s->specialSum != 0.0) {
    if (isnan(s->infSum))
      nmrt_raise("ValueError", "-inf + inf in fsum", line);
    result = s->specialSum;
  } else if (s->count > 0) {
    double *p = s->partials;
    size_t n = s->count;
    double hi = p[--n], lo = 0.0;
    while (n > 0) {
      double x = hi, y = p[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0)
        break;
    }
    /* Half-even rounding across several partials. */
    if (n > 0 &&
        ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      if (y == x - hi)
        hi = x;
    }
    result = hi;
  }
  if (s->partials != s->first)
    free(s->partials);
  return result;
}

static void fsumInit(FsumState *s) {
  s->partials = s->first;
  s->count = 0;
  s->capacity = sizeof s->first / sizeof s->first[0];
  s->specialSum = s->infSum = 0.0;
}

double nmrt_fsum_list(nmrt_list *l, int64_t line) {
  if (!l)
    nmrt_raise("TypeError", "'NoneType' object is not iterable", line);
  FsumState s;
  fsumInit(&s);
  for (int64_t i = 0; i < l->length; ++i) {
    double x = l->elemKind == NMRT_ELEM_F64   ? ((double *)l->data)[i]
               : l->elemKind == NMRT_ELEM_I64 ? (double)((int64_t *)l->data)[i]
                                              : ((int8_t *)l->data)[i];
    fsumAdd(&s, x, line);
  }
  return fsumResult(&s, line);
}

double nmrt_fsum_strided(const double *first, int64_t length, int64_t stride,
                         int64_t line) {
  FsumState s;
  fsumInit(&s);
  for (int64_t i = 0; i < length; ++i)
    fsumAdd(&s, first[i * stride], line);
  return fsumResult(&s, line);
}

/* NumPy 1.24's pairwise_sum_DOUBLE: up to 8 elements one by one, up to 128
 * in eight interleaved sums, more split in halves of multiples of 8. The
 * sum starts from 0.0, as np.add.reduce does. */
static double pairwiseSum(const double *a, int64_t n, int64_t stride) {
  if (n < 8) {
    double sum = 0.0;
    for (int64_t i = 0; i < n; ++i)
      sum += a[i * stride];
    return sum;
  }
  if (n <= 128) {
    double r[8];
    for (int j = 0; j < 8; ++j)
      r[j] = a[j * stride];
    int64_t i;
    for (i = 8; i < n - (n % 8); i += 8)
      for (int j = 0; j < 8; ++j)
        r[j] += a[(i + j) * stride];
    double sum =
        ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i)
      sum += a[i * stride];
    return sum;
  }
  int64_t half = n / 2;
  half -= half % 8;
  return pairwiseSum(a, half, stride) +
         pairwiseSum(a + half * stride, n - half, stride);
}

double nmrt_pairwise_sum_strided(const double *first, int64_t length,
                                 int64_t stride) {
  return 0.0 + pairwiseSum(first, length, stride);
}
