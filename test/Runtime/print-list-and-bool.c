// Checks Python-identical printing of ints, bools, strings and lists (None),
// and Python's indexing of list handles.
//
// RUN: %cc -I%nmrt_include %s %nmrt_lib -o %t
// RUN: %mpirun -n 1 %t | FileCheck %s

#include "nmrt.h"

static void newline(void) { nmrt_print_str("\n"); }

void __nmc_main(void) {
  // CHECK: 0 -42 9223372036854775807 -9223372036854775808
  nmrt_print_i64(0);
  nmrt_print_str(" ");
  nmrt_print_i64(-42);
  nmrt_print_str(" ");
  nmrt_print_i64(INT64_MAX);
  nmrt_print_str(" ");
  nmrt_print_i64(INT64_MIN);
  newline();

  // CHECK-NEXT: True False
  nmrt_print_bool(1);
  nmrt_print_str(" ");
  nmrt_print_bool(0);
  newline();

  // CHECK-NEXT: [1.0, 2.5, -0.0, 1e-05]
  nmrt_list *f = nmrt_list_new(NMRT_ELEM_F64, 4);
  nmrt_list_set_f64(f, 0, 1.0, 1);
  nmrt_list_set_f64(f, 1, 2.5, 1);
  nmrt_list_set_f64(f, -2, -0.0, 1);
  nmrt_list_set_f64(f, -1, 1e-05, 1);
  nmrt_print_list(f);
  newline();

  // CHECK-NEXT: [0, 7, -3]
  nmrt_list *i = nmrt_list_new(NMRT_ELEM_I64, 3);
  nmrt_list_set_i64(i, 1, 7, 1);
  nmrt_list_set_i64(i, -1, -3, 1);
  nmrt_print_list(i);
  newline();

  // CHECK-NEXT: [True, False, True]
  nmrt_list *b = nmrt_list_new(NMRT_ELEM_BOOL, 3);
  nmrt_list_set_bool(b, 0, 1, 1);
  nmrt_list_set_bool(b, 2, 1, 1);
  nmrt_print_list(b);
  newline();

  // CHECK-NEXT: [] None
  nmrt_print_list(nmrt_list_new(NMRT_ELEM_F64, 0));
  nmrt_print_str(" ");
  nmrt_print_list(nmrt_list_none());
  newline();

  // CHECK-NEXT: 4 3 2.5 -3 True 1e-05
  nmrt_print_i64(nmrt_list_len(f, 0, 1));
  nmrt_print_str(" ");
  nmrt_print_i64(nmrt_list_len(i, 1, 1));
  nmrt_print_str(" ");
  nmrt_print_f64(nmrt_list_get_f64(f, 1, 1));
  nmrt_print_str(" ");
  nmrt_print_i64(nmrt_list_get_i64(i, -1, 1));
  nmrt_print_str(" ");
  nmrt_print_bool(nmrt_list_get_bool(b, -3, 1));
  nmrt_print_str(" ");
  nmrt_print_f64(nmrt_list_get_f64(f, -1, 1));
  newline();
}
