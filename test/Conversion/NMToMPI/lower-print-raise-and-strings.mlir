// --convert-nm-to-mpi lowers the Python-level ops: nm.constant_str becomes
// one constant global per distinct text, nm.print one nmrt_print_* call per
// value (bools as i8), nm.raise and nm.raise_index_error the noreturn
// runtime calls with the op's source line; the module's nm.source_name is
// handed to the runtime first thing in __nmc_main, and the attribute is
// consumed. Lists and strings become !llvm.ptr in block arguments and memref
// globals too.
// RUN: %nm-opt %s --convert-nm-to-mpi | FileCheck %s
// One global for the two equal strings:
// RUN: %nm-opt %s --convert-nm-to-mpi | grep -c '^ *llvm.mlir.global.*(" ' | FileCheck %s --check-prefix=ONE
// ONE: {{^}}1{{$}}

// CHECK: module attributes
// CHECK-NOT: nm.source_name
// CHECK-DAG: llvm.mlir.global internal constant @[[PROG:__nmc_str_[0-9A-F]+]]("prog.npy\00")
// CHECK-DAG: llvm.mlir.global internal constant @[[SEP:__nmc_str_[0-9A-F]+]](" \00")
// CHECK-DAG: llvm.mlir.global internal constant @[[EXC:__nmc_str_[0-9A-F]+]]("ValueError\00")
// CHECK-DAG: llvm.mlir.global internal constant @[[MSG:__nmc_str_[0-9A-F]+]]("bad\00")
// CHECK-DAG: func.func private @nmrt_raise(!llvm.ptr, !llvm.ptr, i64) attributes {passthrough = ["noreturn"]}
// CHECK-DAG: func.func private @nmrt_index_error(i64, i64, i64, i64) attributes {passthrough = ["noreturn"]}
// CHECK-DAG: memref.global "private" @text : memref<!llvm.ptr>
// CHECK-LABEL: func.func @__nmc_main()
// CHECK-NEXT: %[[P:.*]] = llvm.mlir.addressof @[[PROG]] : !llvm.ptr
// CHECK-NEXT: call @nmrt_set_source_name(%[[P]]) : (!llvm.ptr) -> ()
// CHECK: %[[S:.*]] = llvm.mlir.addressof @[[SEP]] : !llvm.ptr
// CHECK-NEXT: %[[S2:.*]] = llvm.mlir.addressof @[[SEP]] : !llvm.ptr
// CHECK: call @nmrt_print_i64(%{{.*}}) : (i64) -> ()
// CHECK-NEXT: call @nmrt_print_str(%[[S]]) : (!llvm.ptr) -> ()
// CHECK-NEXT: call @nmrt_print_f64(%{{.*}}) : (f64) -> ()
// CHECK-NEXT: %[[B8:.*]] = arith.extui %{{.*}} : i1 to i8
// CHECK-NEXT: call @nmrt_print_bool(%[[B8]]) : (i8) -> ()
// CHECK: %[[G:.*]] = memref.get_global @text : memref<!llvm.ptr>
// CHECK-NEXT: memref.store %[[S]], %[[G]][] : memref<!llvm.ptr>
// CHECK: cf.br ^bb1(%[[S2]] : !llvm.ptr)
// CHECK: ^bb1(%[[A:.*]]: !llvm.ptr):
// CHECK-NEXT: call @nmrt_print_str(%[[A]])
// CHECK-NEXT: %[[E:.*]] = llvm.mlir.addressof @[[EXC]] : !llvm.ptr
// CHECK-NEXT: %[[M:.*]] = llvm.mlir.addressof @[[MSG]] : !llvm.ptr
// CHECK-NEXT: %[[L3:.*]] = arith.constant 3 : i64
// CHECK-NEXT: call @nmrt_raise(%[[E]], %[[M]], %[[L3]])
// CHECK: %[[L4:.*]] = arith.constant 4 : i64
// CHECK-NEXT: call @nmrt_index_error(%{{.*}}, %{{.*}}, %{{.*}}, %[[L4]])
// CHECK-NOT: nm.
// CHECK-NOT: unrealized_conversion_cast
module attributes {nm.source_name = "prog.npy"} {
  memref.global "private" @text : memref<!nm.str>
  func.func @__nmc_main() {
    %i = arith.constant 7 : i64
    %x = arith.constant 2.5 : f64
    %b = arith.constant true
    %sep = nm.constant_str " "
    %again = nm.constant_str " "
    nm.print %i : i64
    nm.print %sep : !nm.str
    nm.print %x : f64
    nm.print %b : i1
    %g = memref.get_global @text : memref<!nm.str>
    memref.store %sep, %g[] : memref<!nm.str>
    cf.br ^bb1(%again : !nm.str)
  ^bb1(%s: !nm.str):
    nm.print %s : !nm.str
    nm.raise "ValueError", "bad" loc("prog.npy":3:1)
    nm.raise_index_error %i, %i, %i loc("prog.npy":4:5)
    return
  }
}
