// --convert-nm-to-mpi turns a scalar nm.allreduce into store -> mpi.allreduce over two one-element stack buffers -> load, with the matching MPI operator.
// RUN: %nm-opt %s --convert-nm-to-mpi | FileCheck %s

// The one-element buffers live in the entry block, so an allreduce in a
// loop does not grow the stack.
// CHECK-LABEL: func.func @allreduce
// CHECK-SAME: (%[[X:.*]]: f64, %[[I:.*]]: i64, %[[B:.*]]: i1)
// CHECK-COUNT-12: memref.alloca() : memref<1x
// CHECK: %[[C:.*]] = mpi.comm_world : !mpi.comm
// CHECK-NOT: memref.alloca
// CHECK: %[[Z0:.*]] = arith.constant 0 : index
// CHECK-NEXT: memref.store %[[X]], %[[S0:.*]][%[[Z0]]] : memref<1xf64>
// CHECK-NEXT: mpi.allreduce(%[[S0]], %[[R0:.*]], MPI_SUM, %[[C]]) : memref<1xf64>, memref<1xf64>
// CHECK-NEXT: %[[V0:.*]] = memref.load %[[R0]][%[[Z0]]] : memref<1xf64>
// CHECK-NEXT: %[[Z1:.*]] = arith.constant 0 : index
// CHECK-NEXT: memref.store %[[I]], %[[S1:.*]][%[[Z1]]] : memref<1xi64>
// CHECK-NEXT: mpi.allreduce(%[[S1]], %[[R1:.*]], MPI_MAX, %[[C]]) : memref<1xi64>, memref<1xi64>
// CHECK-NEXT: %[[V1:.*]] = memref.load %[[R1]][%[[Z1]]] : memref<1xi64>
// CHECK: memref.store %[[X]], %[[S2:.*]][%{{.*}}] : memref<1xf64>
// CHECK-NEXT: mpi.allreduce(%[[S2]], %[[R2:.*]], MPI_MIN, %[[C]]) : memref<1xf64>, memref<1xf64>
// CHECK-NEXT: %[[V2:.*]] = memref.load %[[R2]]
// CHECK: memref.store %[[I]], %[[S3:.*]][%{{.*}}] : memref<1xi64>
// CHECK-NEXT: mpi.allreduce(%[[S3]], %[[R3:.*]], MPI_PROD, %[[C]]) : memref<1xi64>, memref<1xi64>
// CHECK-NEXT: %[[V3:.*]] = memref.load %[[R3]]
// A bool crosses as i8: extended before the store, truncated after the load.
// CHECK-NEXT: %[[Z4:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[B8:.*]] = arith.extui %[[B]] : i1 to i8
// CHECK-NEXT: memref.store %[[B8]], %[[S4:.*]][%[[Z4]]] : memref<1xi8>
// CHECK-NEXT: mpi.allreduce(%[[S4]], %[[R4:.*]], MPI_LAND, %[[C]]) : memref<1xi8>, memref<1xi8>
// CHECK-NEXT: %[[L4:.*]] = memref.load %[[R4]][%[[Z4]]] : memref<1xi8>
// CHECK-NEXT: %[[V4:.*]] = arith.trunci %[[L4]] : i8 to i1
// CHECK: mpi.allreduce(%{{.*}}, %{{.*}}, MPI_LOR, %[[C]]) : memref<1xi8>, memref<1xi8>
// CHECK-NEXT: %[[L5:.*]] = memref.load
// CHECK-NEXT: %[[V5:.*]] = arith.trunci %[[L5]] : i8 to i1
// CHECK-NEXT: return %[[V0]], %[[V1]], %[[V2]], %[[V3]], %[[V4]], %[[V5]]
// CHECK-NOT: nm.allreduce
func.func @allreduce(%x: f64, %i: i64, %b: i1) -> (f64, i64, f64, i64, i1, i1) {
  %c = nm.comm_world
  %0 = nm.allreduce <sum> %x on %c : f64
  %1 = nm.allreduce <max> %i on %c : i64
  %2 = nm.allreduce <min> %x on %c : f64
  %3 = nm.allreduce <prod> %i on %c : i64
  %4 = nm.allreduce <land> %b on %c : i1
  %5 = nm.allreduce <lor> %b on %c : i1
  return %0, %1, %2, %3, %4, %5 : f64, i64, f64, i64, i1, i1
}
