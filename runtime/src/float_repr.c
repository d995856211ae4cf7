/* float_repr.c - Python's repr(float): the shortest decimal string that reads
 * back as the same double, laid out like CPython's float_repr_style 'short'. */

#include "nmrt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parses "[-]d.ddde[+-]xx" (printf's %e) into bare digits and the decimal
 * exponent of the first digit; returns the digit count. */
static int splitExponentForm(const char *s, char *digits, int *exp10) {
  int n = 0;
  for (; *s != 'e'; ++s)
    if (*s >= '0' && *s <= '9')
      digits[n++] = *s;
  digits[n] = '\0';
  *exp10 = atoi(s + 1);
  return n;
}

/* Rebuilds "d.ddde<exp10>" from bare digits so that strtod can read it. */
static double readDigits(const char *digits, int n, int exp10) {
  char s[48];
  snprintf(s, sizeof s, "%c.%se%d", digits[0], n > 1 ? digits + 1 : "", exp10);
  return strtod(s, NULL);
}

/* Steps the n-digit decimal digits*10^(exp10-n+1) one unit in its last place
 * up (dir > 0) or down; carries and borrows may move exp10. */
static void stepLastDigit(char *digits, int n, int *exp10, int dir) {
  int i = n - 1;
  if (dir > 0) {
    while (i >= 0 && digits[i] == '9')
      digits[i--] = '0';
    if (i >= 0) {
      ++digits[i];
    } else { /* 99..9 + 1 = 100..0: one more power of ten. */
      digits[0] = '1';
      ++*exp10;
    }
  } else {
    while (i >= 0 && digits[i] == '0')
      digits[i--] = '9';
    --digits[i];            /* digits[0] >= 1, so the borrow stops. */
    if (digits[0] == '0') { /* Below 10^k the n-digit grid is 99..9e(k-1). */
      memmove(digits, digits + 1, n);
      digits[n - 1] = '9';
      digits[n] = '\0';
      --*exp10;
    }
  }
}

/* Looks for p-digit decimals that read back as v (finite, positive): on
 * success returns p, the digits and the exponent of the first digit, and
 * otherwise 0. Like David Gay's dtoa mode 0 (what CPython uses), when two
 * p-digit decimals round-trip the one nearer v wins. */
static int roundTripDigits(double v, int p, char *digits, int *exp10) {
  char s[48];
  /* glibc's %e is correctly rounded: this is the p-digit decimal nearest v. */
  snprintf(s, sizeof s, "%.*e", p - 1, v);
  int n = splitExponentForm(s, digits, exp10);
  double back = strtod(s, NULL);
  if (back == v)
    return n;
  /* Next to a power of two the round-trip interval is lopsided, so the
   * nearest p-digit decimal may miss it while its neighbour on the other side
   * of v hits it. The interval is convex, so checking both neighbours finds
   * any p-digit decimal in it. */
  int e = *exp10;
  stepLastDigit(digits, n, &e, back < v ? 1 : -1);
  if (readDigits(digits, n, e) != v)
    return 0;
  *exp10 = e;
  return n;
}

/* Finds the shortest round-tripping digits of v (finite, positive); returns
 * their count and sets the exponent of the first digit. A p-digit decimal in
 * the round-trip interval is also a (p+1)-digit one, so success is monotone
 * in p and a binary search over 1..17 finds the shortest (17 digits always
 * round-trip). A carry in roundTripDigits cannot leave trailing zeros: 10^k
 * would then round-trip with one digit. */
static int shortestDigits(double v, char *digits, int *exp10) {
  int lo = 1, hi = 17;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (roundTripDigits(v, mid, digits, exp10))
      hi = mid;
    else
      lo = mid + 1;
  }
  return roundTripDigits(v, lo, digits, exp10);
}

int nmrt_format_f64_repr(double v, char *buf) {
  if (isnan(v))
    return sprintf(buf, "nan");
  if (isinf(v))
    return sprintf(buf, v < 0 ? "-inf" : "inf");
  if (v == 0)
    return sprintf(buf, signbit(v) ? "-0.0" : "0.0");

  char digits[24];
  int exp10;
  int n = shortestDigits(fabs(v), digits, &exp10);
  /* CPython's rule in terms of the value 0.d1d2...dn * 10^decpt. */
  int decpt = exp10 + 1;
  char *p = buf;
  if (v < 0)
    *p++ = '-';

  if (decpt <= -4 || decpt > 16) {
    /* Scientific; a lone ".0" is dropped: 1e+16, 1.5e-05. */
    *p++ = digits[0];
    if (n > 1) {
      *p++ = '.';
      memcpy(p, digits + 1, n - 1);
      p += n - 1;
    }
    p += sprintf(p, "e%c%02d", exp10 < 0 ? '-' : '+', abs(exp10));
    return (int)(p - buf);
  }

  /* Positional, always with a digit after the point: 0.001, 1.5, 100.0. */
  if (decpt <= 0) {
    *p++ = '0';
    *p++ = '.';
    memset(p, '0', -decpt);
    p += -decpt;
    memcpy(p, digits, n);
    p += n;
  } else if (decpt < n) {
    memcpy(p, digits, decpt);
    p += decpt;
    *p++ = '.';
    memcpy(p, digits + decpt, n - decpt);
    p += n - decpt;
  } else {
    memcpy(p, digits, n);
    p += n;
    memset(p, '0', decpt - n);
    p += decpt - n;
    *p++ = '.';
    *p++ = '0';
  }
  *p = '\0';
  return (int)(p - buf);
}
