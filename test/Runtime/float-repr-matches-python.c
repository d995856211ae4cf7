// Checks nmrt_print_f64 against Python's repr(float) on tricky doubles and on
// pseudo-random ones of every magnitude, generated identically by
// Inputs/float_repr.py.
//
// RUN: %cc -I%nmrt_include %s %nmrt_lib -lm -o %t
// RUN: %mpirun -n 1 %t > %t.out
// RUN: %python %S/Inputs/float_repr.py > %t.expected
// RUN: diff %t.expected %t.out

#include "nmrt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 0x243F6A8885A308D3u;

// splitmix64, mirrored in Inputs/float_repr.py.
static uint64_t next(void) {
  uint64_t z = (state += 0x9E3779B97F4A7C15u);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  return z ^ (z >> 31);
}

static double fromBits(uint64_t bits) {
  double v;
  memcpy(&v, &bits, sizeof v);
  return v;
}

static void emit(double v) {
  nmrt_print_f64(v);
  nmrt_print_str("\n");
}

static void emitBits(uint64_t bits) {
  double v = fromBits(bits);
  if (!isnan(v))
    emit(v);
}

void __nmc_main(void) {
  static const double fixed[] = {
      0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0, 0.5,
      1e-05, 1.5e-05, 0.0001, 0.001, 1e16, 1e15, 1000000000000000.0,
      9999999999999998.0, 1e17, 123456789.123, 100.0, 1e22, 1e23, 1e300,
      1e-300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
      4.35, 0.3, 2.675, 1.1, 9007199254740993.0, 12345678901234567890.0,
      3.141592653589793, 2.718281828459045, 1e-4, 9.999999999999999e-05,
      INFINITY, -INFINITY};
  for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; ++i)
    emit(fixed[i]);

  // Powers of two and their neighbours: the lopsided round-trip intervals.
  for (int k = -1074; k <= 1023; ++k) {
    uint64_t bits;
    double p = ldexp(1.0, k);
    memcpy(&bits, &p, sizeof bits);
    emitBits(bits);
    emitBits(bits + 1);
    if (bits > 1)
      emitBits(bits - 1);
  }

  // Powers of ten and their neighbours.
  for (int k = -325; k <= 308; ++k) {
    char s[16];
    snprintf(s, sizeof s, "1e%d", k);
    double p = strtod(s, NULL);
    uint64_t bits;
    memcpy(&bits, &p, sizeof bits);
    emitBits(bits);
    emitBits(bits + 1);
    if (bits > 1)
      emitBits(bits - 1);
  }

  for (int i = 0; i < 20000; ++i) {
    uint64_t r = next();
    switch (i % 6) {
    case 0: // Any bit pattern: mostly huge or tiny magnitudes.
      emitBits(r);
      break;
    case 1: // Magnitudes near 1, where positional notation is used.
      emitBits((r & 0x800FFFFFFFFFFFFFu) |
               ((uint64_t)(1023 - 70 + (r >> 52) % 141) << 52));
      break;
    case 2: // Subnormals.
      emitBits(r & 0x800FFFFFFFFFFFFFu);
      break;
    case 3: // Integers as floats, up to 2^63.
      emit((double)(int64_t)(r >> (r % 64)));
      break;
    case 4: // Short decimals m / 10^j.
      emit((double)(r % 100000000) / pow(10.0, (double)((r >> 40) % 23)));
      break;
    case 5: // Sums of short decimals, like 0.1 + 0.2.
      emit((double)(r % 1000) / 100.0 + (double)((r >> 20) % 1000) / 1000.0);
      break;
    }
  }
}
