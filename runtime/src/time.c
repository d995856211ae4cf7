/* time.c - Python's time module: time.time(), time.perf_counter() and
 * time.sleep(), on the clocks CPython reads. */

/* clock_gettime and nanosleep. */
#define _POSIX_C_SOURCE 200809L

#include "nmrt.h"

#include <errno.h>
#include <math.h>
#include <time.h>

static double secondsOf(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

double nmrt_time(void) { return secondsOf(CLOCK_REALTIME); }

double nmrt_perf_counter(void) { return secondsOf(CLOCK_MONOTONIC); }

void nmrt_sleep(double seconds, int64_t line) {
  if (isnan(seconds))
    nmrt_raise("ValueError", "Invalid value NaN (not a number)", line);
  if (seconds < 0.0)
    nmrt_raise("ValueError", "sleep length must be non-negative", line);
  if (seconds > 1e9) /* longer than any job; keeps tv_sec in range */
    seconds = 1e9;
  struct timespec left;
  left.tv_sec = (time_t)seconds;
  left.tv_nsec = (long)((seconds - (double)left.tv_sec) * 1e9);
  /* A signal cuts nanosleep short; Python sleeps the rest, as here. */
  while (nanosleep(&left, &left) != 0 && errno == EINTR) {
  }
}
