// --convert-nm-to-mpi lowers nm.exit to the noreturn nmrt_exit (a code) or
// nmrt_exit_message (a str), nm.clock to nmrt_time / nmrt_perf_counter,
// nm.sleep to nmrt_sleep with the source line, and nm.raise with a str
// operand to nmrt_raise with that operand as the message.
// RUN: %nm-opt %s --convert-nm-to-mpi | FileCheck %s

// CHECK-LABEL: func.func @exits
// CHECK-SAME: (%[[C:.*]]: i64, %[[M:.*]]: !llvm.ptr, %[[S:.*]]: f64)
// CHECK: %[[E:.*]] = llvm.mlir.addressof @{{.*}} : !llvm.ptr
// CHECK: call @nmrt_raise(%[[E]], %[[M]], %{{.*}}) : (!llvm.ptr, !llvm.ptr, i64) -> ()
// CHECK: %{{.*}} = call @nmrt_time() : () -> f64
// CHECK: %{{.*}} = call @nmrt_perf_counter() : () -> f64
// CHECK: %[[LINE:.*]] = arith.constant 7 : i64
// CHECK: call @nmrt_sleep(%[[S]], %[[LINE]]) : (f64, i64) -> ()
// CHECK: call @nmrt_exit(%[[C]]) : (i64) -> ()
// CHECK: call @nmrt_exit_message(%[[M]]) : (!llvm.ptr) -> ()
func.func @exits(%c: i64, %m: !nm.str, %s: f64) {
  nm.raise "ValueError", ""(%m)
  %t = nm.clock <time>
  %p = nm.clock <perf_counter>
  nm.sleep %s loc("prog.npy":7:1)
  nm.exit %c : i64
  nm.exit %m : !nm.str
  return
}
