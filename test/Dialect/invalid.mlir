// The nm verifiers and operand/result type constraints reject malformed ops with their own messages.
// RUN: %nm-opt %s -split-input-file -verify-diagnostics

func.func @gather_into_list_of_other_type(%x: f64, %root: i64) {
  %c = nm.comm_world
  // expected-error @+1 {{'nm.gather' op gathers 'f64' values into a list of 'i64'}}
  %g = nm.gather %x to %root on %c : f64 -> !nm.list<i64>
  return
}

// -----

func.func @gather_of_memref(%m: memref<4xf64>, %root: i64) {
  %c = nm.comm_world
  // expected-error @+1 {{'nm.gather' op operand #1 must be 64-bit signless integer or 64-bit float or 1-bit signless integer, but got 'memref<4xf64>'}}
  %g = nm.gather %m to %root on %c : memref<4xf64> -> !nm.list<f64>
  return
}

// -----

// expected-error @+1 {{a list holds i64, f64, i1 or !nm.str values, not 'memref<4xf64>'}}
func.func @list_of_memrefs(%l: !nm.list<memref<4xf64>>) {
  return
}

// -----

func.func @gather_root_not_i64(%x: f64, %root: f64) {
  %c = nm.comm_world
  // expected-error @+1 {{'nm.gather' op operand #2 must be 64-bit signless integer, but got 'f64'}}
  %g = "nm.gather"(%c, %x, %root) : (!nm.comm, f64, f64) -> !nm.list<f64>
  return
}

// -----

func.func @allreduce_land_on_f64(%x: f64) {
  %c = nm.comm_world
  // expected-error @+1 {{'nm.allreduce' op logical reduction land needs an integer or i1 value}}
  %r = nm.allreduce <land> %x on %c : f64
  return
}

// -----

func.func @allreduce_lor_on_f64(%x: f64) {
  %c = nm.comm_world
  // expected-error @+1 {{'nm.allreduce' op logical reduction lor needs an integer or i1 value}}
  %r = nm.allreduce <lor> %x on %c : f64
  return
}

// -----

func.func @allreduce_result_type_differs(%x: f64) {
  %c = nm.comm_world
  // expected-error @+1 {{'nm.allreduce' op failed to verify that all of {value, result} have same type}}
  %r = "nm.allreduce"(%c, %x) <{kind = #nm.reduce<sum>}> : (!nm.comm, f64) -> i64
  return
}

// -----

func.func @allreduce_of_i32(%x: i32) {
  %c = nm.comm_world
  // expected-error @+1 {{'nm.allreduce' op operand #1 must be 64-bit signless integer or 64-bit float or 1-bit signless integer, but got 'i32'}}
  %r = nm.allreduce <sum> %x on %c : i32
  return
}

// -----

func.func @allreduce_unknown_kind(%x: f64) {
  %c = nm.comm_world
  // expected-error @+2 {{expected ::mlir::nm::ReduceKind to be one of: sum, prod, max, min, land, lor}}
  // expected-error @+1 {{failed to parse NM_ReduceKindAttr parameter 'value'}}
  %r = nm.allreduce <xor> %x on %c : f64
  return
}

// -----

func.func @list_from_elements_mismatched_element(%x: f64, %i: i64) {
  // expected-error @+1 {{'nm.list_from_elements' op element of type 'i64' in a list of 'f64'}}
  %l = nm.list_from_elements %x, %i : f64, i64 -> !nm.list<f64>
  return
}

// -----

func.func @list_get_wrong_result_type(%l: !nm.list<f64>, %i: i64) {
  // expected-error @+1 {{'nm.list_get' op failed to verify that result is the list's element type}}
  %v = "nm.list_get"(%l, %i) : (!nm.list<f64>, i64) -> i64
  return
}

// -----

func.func @list_get_index_not_i64(%l: !nm.list<f64>, %x: f64) {
  // expected-error @+1 {{'nm.list_get' op operand #1 must be 64-bit signless integer, but got 'f64'}}
  %v = "nm.list_get"(%l, %x) : (!nm.list<f64>, f64) -> f64
  return
}

// -----

func.func @list_len_of_non_list(%i: i64) {
  // expected-error @+1 {{'nm.list_len' op operand #0 must be A Python list of scalars or strs, or None where a list was expected, but got 'i64'}}
  %n = "nm.list_len"(%i) : (i64) -> i64
  return
}

// -----

func.func @rank_of_non_comm(%i: i64) {
  // expected-error @+1 {{'nm.rank' op operand #0 must be An MPI communicator, but got 'i64'}}
  %r = "nm.rank"(%i) : (i64) -> i64
  return
}

// -----

func.func @rank_result_not_i64(%c: !nm.comm) {
  // expected-error @+1 {{'nm.rank' op result #0 must be 64-bit signless integer, but got 'i32'}}
  %r = "nm.rank"(%c) : (!nm.comm) -> i32
  return
}

// -----

func.func @size_of_non_comm(%i: i64) {
  // expected-error @+1 {{'nm.size' op operand #0 must be An MPI communicator, but got 'i64'}}
  %s = "nm.size"(%i) : (i64) -> i64
  return
}

// -----

func.func @barrier_on_non_comm(%i: i64) {
  // expected-error @+1 {{'nm.barrier' op operand #0 must be An MPI communicator, but got 'i64'}}
  "nm.barrier"(%i) : (i64) -> ()
  return
}

// -----

func.func @print_i32(%x: i32) {
  // expected-error @+1 {{operand #0 must be 64-bit signless integer or 64-bit float or 1-bit signless integer or A Python str or A Python list of scalars or strs, or None where a list was expected, but got 'i32'}}
  nm.print %x : i32
  return
}

// -----

func.func @scan_sum_of_i1(%b: i1) {
  %c = nm.comm_world
  // expected-error @+1 {{'nm.scan' op arithmetic reduction sum of i1 values}}
  %r = nm.scan <sum> %b on %c : i1
  return
}

// -----

func.func @gcd_of_floats(%x: f64) {
  // expected-error @+1 {{'nm.library_call' op gcd has the type '(i64, i64) -> i64'}}
  %g = nm.library_call <gcd>(%x, %x) : (f64, f64) -> i64
  return
}

// -----

func.func @pairwise_sum_of_an_int_memref(%a: memref<?xi64>) {
  // expected-error @+1 {{'nm.library_call' op pairwise_sum needs one 1-d f64 memref}}
  %s = nm.library_call <pairwise_sum>(%a) : (memref<?xi64>) -> f64
  return
}

// -----

func.func @fsum_of_a_2d_memref(%a: memref<?x?xf64>) {
  // expected-error @+1 {{'nm.library_call' op fsum needs a list of numbers or a 1-d f64 memref, not 'memref<?x?xf64>'}}
  %s = nm.library_call <fsum>(%a) : (memref<?x?xf64>) -> f64
  return
}

// -----

func.func @range_of_floats(%i: i64) {
  // expected-error @+1 {{'nm.list_range' op makes a list of i64, not '!nm.list<f64>'}}
  %l = nm.list_range %i, %i, %i : !nm.list<f64>
  return
}

// -----

func.func @unpack_into_another_type(%l: !nm.list<f64>) {
  // expected-error @+1 {{'nm.list_unpack' op result of type 'i64' from a list of 'f64'}}
  %a, %b = nm.list_unpack %l : !nm.list<f64> -> f64, i64
  return
}

// -----

func.func @str_method_operands(%s: !nm.str) -> !nm.str {
  // expected-error @+1 {{'nm.str_method' op has operands of the wrong number or types for replace}}
  %r = nm.str_method <replace>(%s, %s) : (!nm.str, !nm.str) -> !nm.str
  return %r : !nm.str
}

// -----

func.func @str_method_result(%s: !nm.str) -> i64 {
  // expected-error @+1 {{'nm.str_method' op of startswith must give 'i1'}}
  %r = nm.str_method <startswith>(%s, %s) : (!nm.str, !nm.str) -> i64
  return %r : i64
}
