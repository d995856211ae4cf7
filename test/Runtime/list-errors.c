// Checks Python's errors from list handles, NumPy's IndexError message and
// mpi4py's bad-root error: one aborting program per case, chosen by -DCASE.
//
// RUN: %cc -DCASE=1 -I%nmrt_include %s %nmrt_lib -o %t1
// RUN: not %mpirun -n 1 %t1 2>&1 | FileCheck %s --check-prefix=GET
// RUN: %cc -DCASE=2 -I%nmrt_include %s %nmrt_lib -o %t2
// RUN: not %mpirun -n 1 %t2 2>&1 | FileCheck %s --check-prefix=SET
// RUN: %cc -DCASE=3 -I%nmrt_include %s %nmrt_lib -o %t3
// RUN: not %mpirun -n 1 %t3 2>&1 | FileCheck %s --check-prefix=LEN
// RUN: %cc -DCASE=4 -I%nmrt_include %s %nmrt_lib -o %t4
// RUN: not %mpirun -n 1 %t4 2>&1 | FileCheck %s --check-prefix=ITER
// RUN: %cc -DCASE=5 -I%nmrt_include %s %nmrt_lib -o %t5
// RUN: not %mpirun -n 1 %t5 2>&1 | FileCheck %s --check-prefix=SUBSCRIPT
// RUN: %cc -DCASE=6 -I%nmrt_include %s %nmrt_lib -o %t6
// RUN: not %mpirun -n 1 %t6 2>&1 | FileCheck %s --check-prefix=NDINDEX
// RUN: %cc -DCASE=7 -I%nmrt_include %s %nmrt_lib -o %t7
// RUN: not %mpirun -n 1 %t7 2>&1 | FileCheck %s --check-prefix=ASSERT
// RUN: %cc -DCASE=8 -I%nmrt_include %s %nmrt_lib -o %t8
// RUN: not %mpirun -n 2 %t8 2>&1 | FileCheck %s --check-prefix=ROOT

#include "nmrt.h"

// GET: File "errors.npy", line 3, on rank 0
// GET-NEXT: IndexError: list index out of range
// SET: File "errors.npy", line 4, on rank 0
// SET-NEXT: IndexError: list assignment index out of range
// LEN: TypeError: object of type 'NoneType' has no len()
// ITER: TypeError: 'NoneType' object is not iterable
// SUBSCRIPT: TypeError: 'NoneType' object is not subscriptable
// NDINDEX: File "errors.npy", line 9, on rank 0
// NDINDEX-NEXT: IndexError: index 10 is out of bounds for axis 0 with size 10
// ASSERT: {{^}}File "errors.npy", on rank 0{{$}}
// ASSERT-NEXT: {{^}}AssertionError{{$}}
// ROOT: Exception: MPI_ERR_ROOT: invalid root

void __nmc_main(void) {
  nmrt_set_source_name("errors.npy");
  nmrt_list *l = nmrt_list_new(NMRT_ELEM_F64, 2);
#if CASE == 1
  nmrt_list_get_f64(l, -3, 3);
#elif CASE == 2
  nmrt_list_set_f64(l, 2, 1.0, 4);
#elif CASE == 3
  nmrt_list_len(nmrt_list_none(), 0, 5);
#elif CASE == 4
  nmrt_list_len(nmrt_list_none(), 1, 6);
#elif CASE == 5
  nmrt_list_get_i64(nmrt_list_none(), 0, 7);
#elif CASE == 6
  nmrt_index_error(10, 0, 10, 9);
#elif CASE == 7
  nmrt_raise("AssertionError", "", 0);
#elif CASE == 8
  nmrt_gather_f64(1.0, 2);
#endif
  (void)l;
}
