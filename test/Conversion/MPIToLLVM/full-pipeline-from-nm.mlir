// An nm-level function (rank, size, gather, allreduce, barrier, list ops, wtime) goes all the way to the LLVM dialect with --convert-nm-to-mpi --convert-nmc-to-llvm --reconcile-unrealized-casts: no nm, mpi, func, arith, memref, cf op or cast is left.
// RUN: %nm-opt %s --convert-nm-to-mpi --convert-nmc-to-llvm --reconcile-unrealized-casts \
// RUN:   | FileCheck %s --check-prefixes=CHECK,OMPI --implicit-check-not=nm. --implicit-check-not=mpi. \
// RUN:       --implicit-check-not=func. --implicit-check-not=arith. --implicit-check-not=memref. \
// RUN:       --implicit-check-not=cf. --implicit-check-not=unrealized_conversion_cast --implicit-check-not=@ompi_mpi_sum
// RUN: %nm-opt %s --convert-nm-to-mpi=mpi-implementation=MPICH --convert-nmc-to-llvm --reconcile-unrealized-casts \
// RUN:   | FileCheck %s --check-prefixes=CHECK,MPICH --implicit-check-not=nm. --implicit-check-not=mpi. \
// RUN:       --implicit-check-not=func. --implicit-check-not=arith. --implicit-check-not=memref. \
// RUN:       --implicit-check-not=cf. --implicit-check-not=unrealized_conversion_cast --implicit-check-not=ompi_

// OMPI: module attributes {dlti.map = #dlti.map<"MPI:Implementation" = "OpenMPI">}
// MPICH: module attributes {dlti.map = #dlti.map<"MPI:Implementation" = "MPICH">}
// CHECK-DAG: llvm.func @MPI_Comm_rank(
// CHECK-DAG: llvm.func @MPI_Comm_size(
// CHECK-DAG: llvm.func @MPI_Barrier(
// CHECK-DAG: llvm.func @MPI_Allreduce(
// CHECK-DAG: llvm.func @nmrt_gather_f64(f64, i64) -> !llvm.ptr
// CHECK-DAG: llvm.func @nmrt_print_list(!llvm.ptr)
// CHECK-DAG: llvm.func @nmrt_list_get_f64(!llvm.ptr, i64, i64) -> f64
// CHECK-DAG: llvm.func @nmrt_list_new(i64, i64) -> !llvm.ptr
// CHECK-DAG: llvm.func @nmrt_list_set_f64(!llvm.ptr, i64, f64, i64)
// CHECK-DAG: llvm.func @nmrt_wtime() -> f64
// CHECK-DAG: llvm.func @nmrt_list_len(!llvm.ptr, i64, i64) -> i64
// OMPI-DAG: llvm.mlir.global external @ompi_mpi_op_sum()
// OMPI-DAG: llvm.mlir.global external @ompi_mpi_op_max()
// OMPI-DAG: llvm.mlir.global external @ompi_mpi_double()
// OMPI-DAG: llvm.mlir.global external @ompi_mpi_int64_t()
// OMPI-DAG: llvm.mlir.global external @ompi_mpi_comm_world()

// CHECK-LABEL: llvm.func @program(%{{.*}}: f64, %{{.*}}: i64) -> f64
// CHECK: llvm.call @MPI_Comm_rank(
// CHECK: llvm.sext %{{.*}} : i32 to i64
// CHECK: llvm.call @MPI_Comm_size(
// CHECK: llvm.sext %{{.*}} : i32 to i64
// CHECK: %[[G:.*]] = llvm.call @nmrt_gather_f64(
// CHECK: llvm.call @MPI_Allreduce(
// CHECK: llvm.call @MPI_Allreduce(
// CHECK: llvm.call @MPI_Barrier(
// CHECK: llvm.cond_br
// CHECK: llvm.call @nmrt_print_list(%[[G]]) : (!llvm.ptr) -> ()
// CHECK: llvm.call @nmrt_list_len(%[[G]],
// CHECK: llvm.call @nmrt_list_get_f64(%[[G]],
// CHECK: %[[L:.*]] = llvm.call @nmrt_list_new(
// CHECK: llvm.call @nmrt_list_set_f64(%[[L]],
// CHECK: llvm.call @nmrt_list_set_f64(%[[L]],
// CHECK: llvm.call @nmrt_print_list(%[[L]])
// CHECK: llvm.call @nmrt_wtime()
// CHECK: llvm.return

// A list crossing a function boundary is a plain pointer.
// CHECK-LABEL: llvm.func @takes_list(%{{.*}}: !llvm.ptr) -> i64
// CHECK: llvm.call @nmrt_list_len(
func.func @program(%x: f64, %i: i64) -> f64 {
  %c = nm.comm_world
  %r = nm.rank %c
  %s = nm.size %c
  %zero = arith.constant 0 : i64
  %g = nm.gather %x to %zero on %c : f64 -> !nm.list<f64>
  %sum = nm.allreduce <sum> %x on %c : f64
  %max = nm.allreduce <max> %s on %c : i64
  nm.barrier %c
  %is_root = arith.cmpi eq, %r, %zero : i64
  cf.cond_br %is_root, ^root, ^done
^root:
  nm.print %g : !nm.list<f64>
  %n = nm.list_len %g for <iter> : !nm.list<f64>
  %v = nm.list_get %g[%i] : !nm.list<f64>
  %l = nm.list_from_elements %sum, %v : f64, f64 -> !nm.list<f64>
  nm.print %l : !nm.list<f64>
  cf.br ^done
^done:
  %t = nm.wtime
  return %t : f64
}

func.func @takes_list(%l: !nm.list<i64>) -> i64 {
  %n = nm.list_len %l : !nm.list<i64>
  return %n : i64
}
