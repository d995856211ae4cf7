/* Hand-written C + MPI reference for sqrt_sum.npy: the same data, the same
 * loop order (no reassociation), the same timing. */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

enum { N = 40000000, REPS = 5 };

static double compute(const double *x, long n) {
  double result = 0.0;
  for (long i = 0; i < n; ++i)
    result += sqrt(x[i]) * x[i];
  return result;
}

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  long chunk = N / size, start = rank * chunk;
  double *data = malloc(chunk * sizeof(double));
  for (long i = start; i < start + chunk; ++i)
    data[i - start] = (i % 1000) * 0.001;
  compute(data, chunk);
  MPI_Barrier(MPI_COMM_WORLD);
  double t0 = MPI_Wtime(), total = 0.0;
  for (int r = 0; r < REPS; ++r)
    total += compute(data, chunk);
  double elapsed = (MPI_Wtime() - t0) / REPS, slowest, checksum;
  MPI_Allreduce(&elapsed, &slowest, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
  MPI_Allreduce(&total, &checksum, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
  if (rank == 0)
    printf("kernel_seconds %.17g\nchecksum %.17g\n", slowest, checksum);
  free(data);
  MPI_Finalize();
  return 0;
}
