/* collectives.c - comm.gather / comm.allgather of one scalar per rank,
 * returning list handles, and comm.bcast and comm.scan of one scalar. Each is
 * a single MPI collective. */

#include "nmrt_internal.h"

#include <mpi.h>

/* mpi4py lets MPI reject a bad root and raises MPI.Exception; checking first
 * gives the same message without relying on MPI's error handler. */
static void checkRoot(int64_t root, int size) {
  if (root < 0 || root >= size)
    nmrt_raise("Exception", "MPI_ERR_ROOT: invalid root", 0);
}

static nmrt_list *gather(const void *v, MPI_Datatype type, int64_t elemKind,
                         int64_t root) {
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  checkRoot(root, size);
  nmrt_list *l = rank == root ? nmrt_list_new(elemKind, size) : NULL;
  MPI_Gather(v, 1, type, l ? l->data : NULL, 1, type, (int)root,
             MPI_COMM_WORLD);
  return l;
}

static nmrt_list *allgather(const void *v, MPI_Datatype type,
                            int64_t elemKind) {
  int size;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  nmrt_list *l = nmrt_list_new(elemKind, size);
  MPI_Allgather(v, 1, type, l->data, 1, type, MPI_COMM_WORLD);
  return l;
}

nmrt_list *nmrt_gather_f64(double v, int64_t root) {
  return gather(&v, MPI_DOUBLE, NMRT_ELEM_F64, root);
}

nmrt_list *nmrt_gather_i64(int64_t v, int64_t root) {
  return gather(&v, MPI_INT64_T, NMRT_ELEM_I64, root);
}

nmrt_list *nmrt_gather_bool(int8_t v, int64_t root) {
  int8_t b = v != 0;
  return gather(&b, MPI_INT8_T, NMRT_ELEM_BOOL, root);
}

nmrt_list *nmrt_allgather_f64(double v) {
  return allgather(&v, MPI_DOUBLE, NMRT_ELEM_F64);
}

nmrt_list *nmrt_allgather_i64(int64_t v) {
  return allgather(&v, MPI_INT64_T, NMRT_ELEM_I64);
}

nmrt_list *nmrt_allgather_bool(int8_t v) {
  int8_t b = v != 0;
  return allgather(&b, MPI_INT8_T, NMRT_ELEM_BOOL);
}

static void bcast(void *v, MPI_Datatype type, int64_t root) {
  int size;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  checkRoot(root, size);
  MPI_Bcast(v, 1, type, (int)root, MPI_COMM_WORLD);
}

double nmrt_bcast_f64(double v, int64_t root) {
  bcast(&v, MPI_DOUBLE, root);
  return v;
}

int64_t nmrt_bcast_i64(int64_t v, int64_t root) {
  bcast(&v, MPI_INT64_T, root);
  return v;
}

int8_t nmrt_bcast_bool(int8_t v, int64_t root) {
  int8_t b = v != 0;
  bcast(&b, MPI_INT8_T, root);
  return b;
}

static MPI_Op mpiOp(int64_t op) {
  switch (op) {
  case NMRT_OP_SUM:
    return MPI_SUM;
  case NMRT_OP_PROD:
    return MPI_PROD;
  case NMRT_OP_MAX:
    return MPI_MAX;
  case NMRT_OP_MIN:
    return MPI_MIN;
  case NMRT_OP_LAND:
    return MPI_LAND;
  default:
    return MPI_LOR;
  }
}

double nmrt_scan_f64(double v, int64_t op) {
  double r;
  MPI_Scan(&v, &r, 1, MPI_DOUBLE, mpiOp(op), MPI_COMM_WORLD);
  return r;
}

int64_t nmrt_scan_i64(int64_t v, int64_t op) {
  int64_t r;
  MPI_Scan(&v, &r, 1, MPI_INT64_T, mpiOp(op), MPI_COMM_WORLD);
  return r;
}

int8_t nmrt_scan_bool(int8_t v, int64_t op) {
  int8_t b = v != 0, r;
  MPI_Scan(&b, &r, 1, MPI_INT8_T, mpiOp(op), MPI_COMM_WORLD);
  return r;
}
