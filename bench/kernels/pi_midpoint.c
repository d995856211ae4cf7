/* Hand-written C + MPI reference for pi_midpoint.npy: same loop, same
 * interleaving, same timing. */
#include <mpi.h>
#include <stdio.h>

enum { REPS = 3 };
static const long N = 200000000;

static double partial_sum(long rank, long size, long n) {
  double h = 1.0 / n, s = 0.0;
  for (long i = rank; i < n; i += size) {
    double x = h * (i + 0.5);
    s += 4.0 / (1.0 + x * x);
  }
  return s * h;
}

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  partial_sum(rank, size, 1000);
  MPI_Barrier(MPI_COMM_WORLD);
  double t0 = MPI_Wtime(), pi = 0.0;
  for (int r = 0; r < REPS; ++r) {
    double part = partial_sum(rank, size, N);
    MPI_Allreduce(&part, &pi, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
  }
  double elapsed = (MPI_Wtime() - t0) / REPS, slowest;
  MPI_Allreduce(&elapsed, &slowest, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
  if (rank == 0)
    printf("kernel_seconds %.17g\nchecksum %.17g\n", slowest, pi);
  MPI_Finalize();
  return 0;
}
