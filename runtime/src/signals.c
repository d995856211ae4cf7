/* signals.c - a fatal signal (an out-of-range write, a stack overflow, an
 * abort inside the C library) ends the whole job at once. MPI's own crash
 * handler can deadlock in malloc on a corrupted heap and leave mpirun
 * waiting; this one only writes a prepared line and exits, which makes
 * mpirun stop every other rank. */

/* sigaction, write and _exit. */
#define _POSIX_C_SOURCE 200809L

#include "nmrt_internal.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const struct {
  int signal;
  const char *name;
} fatalSignals[] = {
    {SIGSEGV, "Segmentation fault"},
    {SIGBUS, "Bus error"},
    {SIGILL, "Illegal instruction"},
    {SIGFPE, "Floating-point exception"},
    {SIGABRT, "Aborted"},
};
enum { kFatalSignals = sizeof fatalSignals / sizeof fatalSignals[0] };

/* Each signal's message, formatted before anything can go wrong. */
static char messages[kFatalSignals][128];
static int messageLengths[kFatalSignals];

static void onFatalSignal(int signal) {
  for (int i = 0; i < kFatalSignals; ++i)
    if (fatalSignals[i].signal == signal && messageLengths[i] > 0) {
      ssize_t ignored =
          write(STDERR_FILENO, messages[i], (size_t)messageLengths[i]);
      (void)ignored;
    }
  _exit(128 + signal);
}

void nmrt_install_fatal_signal_handlers(int rank) {
  for (int i = 0; i < kFatalSignals; ++i) {
    int n = snprintf(messages[i], sizeof messages[i],
                     "Fatal error on rank %d: %s (signal %d); the job is "
                     "ended\n",
                     rank, fatalSignals[i].name, fatalSignals[i].signal);
    messageLengths[i] = n < 0 ? 0 : n;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = onFatalSignal;
    sigemptyset(&action.sa_mask);
    /* A fault inside the handler gets the default action, not a loop. */
    action.sa_flags = SA_RESETHAND;
    sigaction(fatalSignals[i].signal, &action, NULL);
  }
}
