// nm.comm_world, nm.rank and nm.size are Pure (CSE merges them, canonicalize drops them when unused); nm.list_from_elements allocates a new list (never merged, dropped when unused); collectives, wtime and list ops that can raise stay.
// RUN: %nm-opt %s -cse | FileCheck %s --check-prefix=CSE
// RUN: %nm-opt %s -canonicalize | FileCheck %s --check-prefix=CANON

// CSE-LABEL: func.func @duplicates_merge
// CSE: %[[C:.*]] = nm.comm_world
// CSE-NOT: nm.comm_world
// CSE: %[[R:.*]] = nm.rank %[[C]]
// CSE-NOT: nm.rank
// CSE: %[[S:.*]] = nm.size %[[C]]
// CSE-NOT: nm.size
// CSE: return %[[R]], %[[R]], %[[S]], %[[S]] : i64, i64, i64, i64
func.func @duplicates_merge() -> (i64, i64, i64, i64) {
  %c0 = nm.comm_world
  %c1 = nm.comm_world
  %r0 = nm.rank %c0
  %r1 = nm.rank %c1
  %s0 = nm.size %c0
  %s1 = nm.size %c1
  return %r0, %r1, %s0, %s1 : i64, i64, i64, i64
}

// CANON-LABEL: func.func @unused_pure_ops_removed
// CANON-NEXT: return
func.func @unused_pure_ops_removed(%x: f64) {
  %c = nm.comm_world
  %r = nm.rank %c
  %s = nm.size %c
  %l = nm.list_from_elements %x : f64 -> !nm.list<f64>
  return
}

// Collectives must run on every rank even when their result is unused;
// list_len can raise TypeError; wtime reads the clock.
// CANON-LABEL: func.func @side_effects_stay
// CANON: %[[C:.*]] = nm.comm_world
// CANON-NEXT: nm.wtime
// CANON-NEXT: %[[G:.*]] = nm.gather %{{.*}} to %{{.*}} on %[[C]]
// CANON-NEXT: nm.list_len %[[G]]
// CANON-NEXT: nm.barrier %[[C]]
// CANON-NEXT: nm.allreduce <sum>
// CANON-NEXT: return
// CSE-LABEL: func.func @side_effects_stay
// CSE: nm.wtime
// CSE: nm.gather
// CSE: nm.list_len
// CSE: nm.barrier
// CSE: nm.allreduce <sum>
func.func @side_effects_stay(%x: f64, %root: i64) {
  %c = nm.comm_world
  %t = nm.wtime
  %g = nm.gather %x to %root on %c : f64 -> !nm.list<f64>
  %n = nm.list_len %g : !nm.list<f64>
  nm.barrier %c
  %a = nm.allreduce <sum> %x on %c : f64
  return
}

// Two equal list literals are two lists: appending to one leaves the other.
// CSE-LABEL: func.func @list_literals_not_merged
// CSE: %[[A:.*]] = nm.list_from_elements %{{.*}} : f64 -> !nm.list<f64>
// CSE-NEXT: %[[B:.*]] = nm.list_from_elements %{{.*}} : f64 -> !nm.list<f64>
// CSE-NEXT: %[[E:.*]] = nm.list_from_elements -> !nm.list<i64>
// CSE-NEXT: %[[F:.*]] = nm.list_from_elements -> !nm.list<i64>
// CSE-NEXT: nm.list_append %[[A]]
// CSE-NEXT: return %[[A]], %[[B]], %[[E]], %[[F]] :
func.func @list_literals_not_merged(%x: f64)
    -> (!nm.list<f64>, !nm.list<f64>, !nm.list<i64>, !nm.list<i64>) {
  %a = nm.list_from_elements %x : f64 -> !nm.list<f64>
  %b = nm.list_from_elements %x : f64 -> !nm.list<f64>
  %e = nm.list_from_elements -> !nm.list<i64>
  %f = nm.list_from_elements -> !nm.list<i64>
  nm.list_append %a, %x : !nm.list<f64>
  return %a, %b, %e, %f : !nm.list<f64>, !nm.list<f64>, !nm.list<i64>, !nm.list<i64>
}

// Two barriers are two synchronisations, two wtime calls two readings.
// CSE-LABEL: func.func @not_merged
// CSE: nm.barrier
// CSE-NEXT: nm.barrier
// CSE-NEXT: nm.wtime
// CSE-NEXT: nm.wtime
// CSE-NEXT: %[[G0:.*]] = nm.gather
// CSE-NEXT: %[[G1:.*]] = nm.gather
// CSE-NEXT: return %{{.*}}, %{{.*}}, %[[G0]], %[[G1]] :
func.func @not_merged(%x: f64, %root: i64) -> (f64, f64, !nm.list<f64>, !nm.list<f64>) {
  %c = nm.comm_world
  nm.barrier %c
  nm.barrier %c
  %t0 = nm.wtime
  %t1 = nm.wtime
  %g0 = nm.gather %x to %root on %c : f64 -> !nm.list<f64>
  %g1 = nm.gather %x to %root on %c : f64 -> !nm.list<f64>
  return %t0, %t1, %g0, %g1 : f64, f64, !nm.list<f64>, !nm.list<f64>
}
