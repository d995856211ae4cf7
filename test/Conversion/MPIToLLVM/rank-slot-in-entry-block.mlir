// A rank or size query inside a loop keeps its result slot in the entry
// block; upstream's lowering would allocate on every iteration.
// RUN: %nm-opt %s --convert-nmc-to-llvm --reconcile-unrealized-casts | FileCheck %s

// CHECK-LABEL: llvm.func @loop
// CHECK-NEXT: llvm.mlir.constant(1 : i32)
// CHECK-NEXT: llvm.alloca
// CHECK-NEXT: llvm.mlir.constant(1 : i32)
// CHECK-NEXT: llvm.alloca
// CHECK: ^bb1(
// CHECK-NOT: llvm.alloca
// CHECK: llvm.call @MPI_Comm_rank
// CHECK-NOT: llvm.alloca
// CHECK: llvm.call @MPI_Comm_size
// CHECK-NOT: llvm.alloca
// CHECK: llvm.return
module attributes {dlti.map = #dlti.map<"MPI:Implementation" = "OpenMPI">} {
  func.func @loop(%n: i32) -> i32 {
    %zero = arith.constant 0 : i32
    cf.br ^header(%zero, %zero : i32, i32)
  ^header(%i: i32, %sum: i32):
    %more = arith.cmpi slt, %i, %n : i32
    cf.cond_br %more, ^body, ^exit
  ^body:
    %comm = mpi.comm_world : !mpi.comm
    %rank = mpi.comm_rank(%comm) : i32
    %size = mpi.comm_size(%comm) : i32
    %a = arith.addi %sum, %rank : i32
    %b = arith.addi %a, %size : i32
    %one = arith.constant 1 : i32
    %next = arith.addi %i, %one : i32
    cf.br ^header(%next, %b : i32, i32)
  ^exit:
    return %sum : i32
  }
}
